package org.landrelease.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.landrelease.store.LedgerLock;
import java.util.regex.Pattern;
import org.landrelease.domain.Account;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Role;
import org.landrelease.store.AccountStore;

/**
 * Accounts and their bearer tokens. A token is 32 random bytes, shown once when it is made; the database keeps only
 * its SHA-256 (a token has 256 bits of entropy, so a fast hash is enough: there is nothing to guess). The active
 * accounts are held in memory, so checking a token costs one hash and one map lookup.
 */
public final class AccountService {
  public static final String TOKEN_PREFIX = "lr_";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
  private final AccountStore store;
  private final FundingService funding;
  private final LedgerLock writeLock;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Account> byTokenHash = new ConcurrentHashMap<>();

  public AccountService(AccountStore store, FundingService funding, LedgerLock writeLock,
      Clock clock) throws SQLException {
    this.store = store;
    this.funding = funding;
    this.writeLock = writeLock;
    this.clock = clock;
    reload();
  }

  /**
   * Reads the active accounts again: another instance on the same database may have created or revoked some. New
   * ones are added before revoked ones are removed, so a concurrent request never misses an active token.
   */
  public void reload() throws SQLException {
    Map<String, Account> active = store.activeByTokenHash();
    byTokenHash.putAll(active);
    byTokenHash.keySet().retainAll(active.keySet());
  }

  /** An account with its token, which exists only in this value and in the hands of whoever receives it. */
  public record Issued(Account account, String token) {}

  /**
   * Creates an account and returns its token. FIELD needs a known partner, DONOR a donor with grants; FIELD and
   * REVIEWER accounts may be bound to countries the ledger holds.
   */
  public Issued create(Account a, String createdBy) throws SQLException {
    if (a.name() == null || !NAME.matcher(a.name()).matches()) {
      throw LedgerException.badRequest("invalid-name",
          "an account name is 1 to 100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
              .with("account.invalidName");
    }
    if (a.role() == null) {
      throw LedgerException.badRequest("missing-field", "an account needs a 'role': " + List.of(Role.values()))
          .with("account.roleRequired", "roles", List.of(Role.values()));
    }
    if (a.role() == Role.FIELD) {
      if (a.partner() == null || funding.partner(a.partner()) == null) {
        throw LedgerException.unprocessable("unknown-partner", "a FIELD account needs an existing 'partner', got '"
            + a.partner() + "'").with("account.fieldNeedsPartner", "partner", a.partner());
      }
    } else if (a.partner() != null) {
      throw LedgerException.unprocessable("partner-for-field-only", "only FIELD accounts are bound to a partner")
          .with("account.partnerForFieldOnly");
    }
    if (a.role() == Role.DONOR) {
      if (a.donor() == null || a.donor().isBlank()) {
        throw LedgerException.unprocessable("missing-donor", "a DONOR account needs the 'donor' it reads for")
            .with("account.donorRequired");
      }
    } else if (a.donor() != null) {
      throw LedgerException.unprocessable("donor-for-donor-only", "only DONOR accounts are bound to a donor")
          .with("account.donorForDonorOnly");
    }
    if (!a.countries().isEmpty()) {
      if (a.role() != Role.FIELD && a.role() != Role.REVIEWER) {
        // a donor reads its grants in every country they cover; an administrator manages the whole ledger
        throw LedgerException.unprocessable("countries-for-field-and-reviewer-only", "only FIELD and REVIEWER "
            + "accounts are bound to countries, not " + a.role()).with("country.bindFieldOrReviewer", "role", a.role());
      }
      CountryRules.known(a.countries(), funding.countryCodes());
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    writeLock.lock();
    try {
      if (store.exists(a.name())) {
        throw LedgerException.conflict("an account named '" + a.name() + "' already exists")
            .with("account.exists", "name", a.name());
      }
      String hash = sha256(token);
      store.insert(a, hash, clock.instant(), createdBy);
      byTokenHash.put(hash, a);
    } finally {
      writeLock.unlock();
    }
    return new Issued(a, token);
  }

  public void revoke(String name) throws SQLException {
    writeLock.lock();
    try {
      if (!store.revoke(name, clock.instant())) {
        throw LedgerException.notFound("no active account '" + name + "'").with("account.unknown", "name", name);
      }
      byTokenHash.values().removeIf(a -> a.name().equals(name));
    } finally {
      writeLock.unlock();
    }
  }

  /** The account a token belongs to, if it is active. */
  public Optional<Account> authenticate(String token) {
    if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    return Optional.ofNullable(byTokenHash.get(sha256(token)));
  }

  public List<Account> active() {
    List<Account> out = new ArrayList<>(byTokenHash.values());
    out.sort(Comparator.comparing(Account::name));
    return out;
  }

  public boolean exists(String name) throws SQLException {
    return store.exists(name);
  }

  static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
