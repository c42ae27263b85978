/** Recommendations served from the precomputed lists, plus live session continuations. */
package org.shopcast.server.recs;
