/** Segment-spec messages (track, identify, page, batch) mapped onto the event contract. */
package org.shopcast.data.segment;
