/** Offline evaluation of recommenders: ranking metrics and the next-item protocol for sessions. */
package org.shopcast.recommend.eval;
