/**
 * The motion-capture domain ({@code mocap}, 1-d, many channels): the C3D format, a CSV layout of
 * marker columns, windowing of marker trajectories into network samples and seeded synthetic
 * movements (walk, run, jump, wave).
 */
package org.convkit.domains.mocap;
