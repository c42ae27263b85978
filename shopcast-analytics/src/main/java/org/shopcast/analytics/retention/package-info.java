/** Cohorts and retention: who comes back, or buys again, in later periods. */
package org.shopcast.analytics.retention;
