package org.dailypapers.foryou;

import org.dailypapers.account.PersonalData;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/** The for-you part of a person's data: their signals on papers, what they follow, their settings. */
public final class ForYouPersonalData implements PersonalData {
    private final ForYouRepository repository;

    public ForYouPersonalData(Database database) {
        this.repository = new ForYouRepository(database);
    }

    @Override
    public String section() {
        return "forYou";
    }

    @Override
    public Object export(String accountId) {
        return repository.export(accountId);
    }

    @Override
    public void erase(Handle handle, String accountId) {
        ForYouRepository.erase(handle, accountId);
    }
}
