/**
 * Read endpoints: store statistics, a user's live state, and the analytics (quality, KPIs, funnel,
 * retention, RFM).
 */
package org.shopcast.server.api;
