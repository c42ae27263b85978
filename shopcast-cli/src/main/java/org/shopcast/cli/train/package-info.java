/** {@code shopcast train}: training commands that store their results in the workspace. */
package org.shopcast.cli.train;
