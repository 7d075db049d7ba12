package org.convkit.api.nn;

/**
 * Step decay, the closed form of {@code torch.optim.lr_scheduler.StepLR}:
 * {@code rate = baseRate * gamma^floor(epoch / stepSize)}.
 *
 * @param stepSize epochs between decays, positive
 * @param gamma    the decay factor, in {@code (0, 1]}
 */
public record StepLr(int stepSize, double gamma) implements LrSchedule {

    public StepLr {
        if (stepSize <= 0) {
            throw new IllegalArgumentException("step size must be positive, got " + stepSize);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in (0, 1], got " + gamma);
        }
    }

    @Override
    public double rate(int epoch, double baseRate) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        return baseRate * Math.pow(gamma, epoch / stepSize);
    }
}
