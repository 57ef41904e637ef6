package org.dailypapers.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.account.PersonalData;
import org.jdbi.v3.core.Handle;

/** A person's authorship claims, for the data export and account deletion. */
public final class ClaimsPersonalData implements PersonalData {
    private final Claims claims;

    public ClaimsPersonalData(Claims claims) {
        this.claims = claims;
    }

    @Override
    public String section() {
        return "claims";
    }

    @Override
    public Object export(String accountId) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (AuthorshipClaim c : claims.repository().byAccount(accountId)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("paper", c.arxivId());
            item.put("title", c.paperTitle());
            item.put("author", c.authorName());
            item.put("status", c.status().column());
            item.put("reason", c.reason());
            item.put("claimedAt", c.createdAt().toString());
            item.put("decidedAt", c.decidedAt() == null ? null : c.decidedAt().toString());
            out.add(item);
        }
        return out;
    }

    /** The names go with the claims; the account deletion reloads {@link Claims#accepted()} after it commits. */
    @Override
    public void erase(Handle handle, String accountId) {
        ClaimRepository.deleteAll(handle, accountId);
    }
}
