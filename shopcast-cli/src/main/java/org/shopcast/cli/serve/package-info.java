/** The {@code shopcast serve} command: runs the HTTP server over the workspace. */
package org.shopcast.cli.serve;
