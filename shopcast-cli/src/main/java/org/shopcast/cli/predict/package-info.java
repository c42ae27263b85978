/**
 * The per-user prediction commands: {@code evaluate --task}, {@code explain}, {@code train}, {@code
 * predict} and {@code models}.
 */
package org.shopcast.cli.predict;
