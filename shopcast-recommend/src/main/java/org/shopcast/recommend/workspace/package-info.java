/** Recommendations from the workspace's event store: for a user, for an item, for a session. */
package org.shopcast.recommend.workspace;
