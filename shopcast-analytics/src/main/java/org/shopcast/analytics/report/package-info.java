/** The HTML report: one self-contained page with an ECharts chart or table per analysis. */
package org.shopcast.analytics.report;
