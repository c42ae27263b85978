/** Read endpoints: store statistics and a user's live state. */
package org.shopcast.server.api;
