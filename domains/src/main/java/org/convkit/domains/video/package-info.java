/**
 * The {@code video} domain (3-d, many channels): YUV4MPEG2 streams (BT.601, 4:4:4, 4:2:2, 4:2:0,
 * mono) and folders of numbered image frames as {@code [channels, frames, height, width]} in
 * {@code [0, 1]}, clips resized to a fixed sample shape, and seeded moving shapes as synthetic data.
 */
package org.convkit.domains.video;
