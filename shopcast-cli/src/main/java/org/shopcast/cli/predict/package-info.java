/** The per-user prediction commands: {@code evaluate --task} and {@code explain}. */
package org.shopcast.cli.predict;
