/** KPI series (traffic, carts, orders, revenue, conversion) at hour, day or week grain. */
package org.shopcast.analytics.kpi;
