/** The data-quality report over the event store: checks, an overall score and its renderings. */
package org.shopcast.data.quality;
