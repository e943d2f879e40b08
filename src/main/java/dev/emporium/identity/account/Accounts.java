package dev.emporium.identity.account;

import dev.emporium.identity.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts table, in plain SQL. Emails arrive normalised ({@link EmailAddress}). */
@Repository
public class Accounts {

    private static final String COLUMNS = "id, email, password_hash, display_name, roles, disabled_at, created_at, version";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the email is taken; empty when it is. */
    Optional<Account> insert(UUID id, String email, String passwordHash, String displayName, List<Role> roles) {
        return jdbc.sql("""
                INSERT INTO accounts (id, email, password_hash, display_name, roles)
                VALUES (:id, :email, :hash, :name, :roles)
                ON CONFLICT (email) DO NOTHING
                RETURNING %s""".formatted(COLUMNS))
                .param("id", id)
                .param("email", email)
                .param("hash", passwordHash)
                .param("name", displayName)
                .param("roles", roles.stream().map(Role::claim).toArray(String[]::new))
                .query(Accounts::map)
                .optional();
    }

    public Optional<Account> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = ?").param(id).query(Accounts::map).optional();
    }

    Optional<Account> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE email = ?").param(email).query(Accounts::map).optional();
    }

    boolean anyWithRole(Role role) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM accounts WHERE :role = ANY (roles))")
                .param("role", role.claim()).query(Boolean.class).single();
    }

    Optional<Account> rename(UUID id, String displayName) {
        return jdbc.sql("""
                UPDATE accounts SET display_name = :name, updated_at = now(), version = version + 1
                WHERE id = :id RETURNING %s""".formatted(COLUMNS))
                .param("id", id).param("name", displayName).query(Accounts::map).optional();
    }

    void changePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("UPDATE accounts SET password_hash = :hash, updated_at = now(), version = version + 1 WHERE id = :id")
                .param("id", id).param("hash", passwordHash).update();
    }

    boolean setDisabled(UUID id, boolean disabled) {
        return jdbc.sql("""
                UPDATE accounts SET disabled_at = CASE WHEN :disabled THEN coalesce(disabled_at, now()) END,
                       updated_at = now(), version = version + 1
                WHERE id = :id""")
                .param("id", id).param("disabled", disabled).update() == 1;
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        Timestamp disabledAt = rs.getTimestamp("disabled_at");
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                Arrays.stream((String[]) roles.getArray()).flatMap(claim -> Role.fromClaim(claim).stream()).toList(),
                disabledAt == null ? null : disabledAt.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }
}
