/** Popularity recommenders: global, per category and trending (time-decayed). */
package org.shopcast.recommend.popular;
