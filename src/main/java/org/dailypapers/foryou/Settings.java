package org.dailypapers.foryou;

/**
 * A person's for-you settings.
 *
 * @param blendPercent 0 = only like mine .. 100 = only like everyone's
 * @param inDigest whether their digest gets a "For you" section
 */
public record Settings(int blendPercent, boolean inDigest) {
    public Settings {
        if (blendPercent < 0 || blendPercent > 100) {
            throw new IllegalArgumentException("blend must be 0..100, not " + blendPercent);
        }
    }
}
