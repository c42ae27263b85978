/** The {@code shopcast report} command: the HTML behaviour report. */
package org.shopcast.cli.report;
