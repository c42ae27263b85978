/** Stable data error codes and the one shape every data error is reported in. */
package org.shopcast.core.error;
