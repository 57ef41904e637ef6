package org.dailypapers.account;

/**
 * A signed-in visitor: the account and the CSRF token every state-changing request of this session carries.
 */
public record Session(Account account, String csrfToken) {}
