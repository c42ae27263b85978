/** End-to-end benchmark of the behaviour analytics against a pandas peer. */
package org.shopcast.bench.analytics;
