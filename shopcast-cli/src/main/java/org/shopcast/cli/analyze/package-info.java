/** The {@code shopcast analyze} commands: KPIs, funnels, retention, paths, profiles, RFM, rules. */
package org.shopcast.cli.analyze;
