/** The canonical behaviour event every source is mapped onto. */
package org.shopcast.core.event;
