/** Conversion funnels over ordered event types, per user or per session. */
package org.shopcast.analytics.funnel;
