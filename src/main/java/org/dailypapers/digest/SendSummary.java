package org.dailypapers.digest;

/**
 * What one run of {@link DigestSender} did for one period.
 *
 * @param subscribers confirmed subscribers of the period's kind when the run started
 * @param sent digests delivered by this run
 * @param alreadySent skipped: delivered before (by an earlier or a parallel run)
 * @param failed not delivered after every retry (transient errors); the next run tries again
 * @param bounced permanently rejected by this run; the address gets no more mail
 * @param inProgress skipped: held by another live run, or uncertain (a run died while handing it to the mail
 *     server; see {@link SendOptions#resendUncertain()})
 * @param emptyPeriod the period had no papers, so nothing was sent
 * @param stoppedEarly the run was interrupted, or gave up because the mail server kept failing
 *     ({@value DigestSender#GIVE_UP_AFTER} messages in a row); what it did not reach is left for the next run
 */
public record SendSummary(String periodKey, int subscribers, int sent, int alreadySent, int failed, int bounced,
        int inProgress, boolean emptyPeriod, boolean stoppedEarly) {

    /** True when every subscriber has been dealt with and nothing failed. */
    public boolean ok() {
        return failed == 0 && !stoppedEarly;
    }

    @Override
    public String toString() {
        if (emptyPeriod) {
            return periodKey + ": no papers in this period, nothing sent";
        }
        return periodKey + ": sent " + sent + ", skipped already-sent " + alreadySent + ", failed " + failed + ", bounced "
                + bounced + (inProgress > 0 ? ", held by another run or uncertain " + inProgress : "")
                + (stoppedEarly ? " (stopped early: the rest is left for the next run)" : "") + " of " + subscribers + " subscribers";
    }
}
