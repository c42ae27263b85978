/** The {@code shopcast quality} command: the data-quality report as text, JSON or HTML. */
package org.shopcast.cli.quality;
