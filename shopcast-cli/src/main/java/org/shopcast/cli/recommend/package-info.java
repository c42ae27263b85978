/** Recommendation commands: offline evaluation of the session recommenders. */
package org.shopcast.cli.recommend;
