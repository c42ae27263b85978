/** RFM: recency, frequency and monetary quintile scores and named customer segments. */
package org.shopcast.analytics.rfm;
