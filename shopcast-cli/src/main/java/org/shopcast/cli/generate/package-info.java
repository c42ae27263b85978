/** The {@code shopcast generate} command: synthetic events fitted to the workspace's store. */
package org.shopcast.cli.generate;
