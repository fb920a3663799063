package dev.peergraph.neo4jlocal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Transaction;

/**
 * The {@code neo4j} user's password: the one given (NEO4J_LOCAL_PASSWORD), else the one kept
 * with the data ({@code <data-dir>/neo4j-password}, mode 0600), else a new random one. Set on
 * every start, so the file always holds the password in force. Never printed nor logged.
 */
final class Password {
  static final String FILE_NAME = "neo4j-password";
  // Neo4j's own floor (dbms.security.auth_minimum_password_length).
  static final int MIN_LENGTH = 8;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private Password() {}

  static Path file(Path home) {
    return home.resolve(FILE_NAME);
  }

  /** The password to set: given, kept, or new. */
  static String choose(String given, Path file) throws IOException {
    if (given != null) {
      return given;
    }
    if (Files.exists(file)) {
      String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!kept.isEmpty()) {
        return kept;
      }
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** Sets it on the system database: the embedded API runs with full rights, auth or not. */
  static void apply(DatabaseManagementService dbms, String password) {
    GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    try (Transaction tx = system.beginTx()) {
      tx.execute(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
          Map.of("password", password));
      tx.commit();
    } catch (QueryExecutionException e) {
      // Neo4j refuses to set the password in force again; then there is nothing to do.
      if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be")) {
        throw e;
      }
    }
  }

  /** Written to a 0600 file created aside, then moved in place: never readable by others. */
  static void keep(Path file, String password) throws IOException {
    if (Files.exists(file)
        && Files.readString(file, StandardCharsets.UTF_8).strip().equals(password)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
      return;
    }
    Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
