/** The {@code shopcast} command line: the root command, global options and exit codes. */
package org.shopcast.cli;
