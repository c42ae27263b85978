/** Session click logs (YOOCHOOSE, DIGINETICA): reading, item indexing and splitting. */
package org.shopcast.recommend.session;
