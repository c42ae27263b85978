/** SQL helpers shared by the analyses of this module; not a public API. */
package org.shopcast.analytics.internal;
