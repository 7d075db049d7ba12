package org.convkit.api.nn;

/**
 * Cosine annealing without restarts, the closed form of
 * {@code torch.optim.lr_scheduler.CosineAnnealingLR}:
 * {@code rate = etaMin + (baseRate - etaMin) * (1 + cos(pi * epoch / tMax)) / 2}. The rate reaches
 * {@code etaMin} at {@code epoch = tMax}; past it the closed form rises again (as torch's does).
 *
 * @param tMax   the half period in epochs, positive
 * @param etaMin the final rate, {@code >= 0}
 */
public record CosineLr(int tMax, double etaMin) implements LrSchedule {

    public CosineLr {
        if (tMax <= 0) {
            throw new IllegalArgumentException("tMax must be positive, got " + tMax);
        }
        if (!(etaMin >= 0) || Double.isInfinite(etaMin)) {
            throw new IllegalArgumentException("etaMin must be >= 0 and finite, got " + etaMin);
        }
    }

    @Override
    public double rate(int epoch, double baseRate) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        return etaMin + (baseRate - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
    }
}
