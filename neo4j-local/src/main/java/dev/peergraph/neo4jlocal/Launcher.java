package dev.peergraph.neo4jlocal;

import inet.ipaddr.IPAddressString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community in-process with only the Bolt connector, on loopback, auth on.
 *
 * <p>Prints one line {@code peergraph-neo4j ready bolt://HOST:PORT} once the database answers
 * with its password set, and shuts down cleanly on SIGTERM or Ctrl-C.
 */
public final class Launcher {
  /**
   * LOAD CSV may not reach these: loopback, private, link-local (cloud metadata), carrier NAT,
   * multicast and reserved ranges, and the IPv6 forms that map onto IPv4 ones. Neo4j checks the
   * address a host name resolves to, and again on every redirect.
   */
  static final List<String> BLOCKED_NETWORKS =
      List.of(
          "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
          "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4",
          "240.0.0.0/4", "::/128", "::1/128", "::ffff:0:0/96", "64:ff9b::/96", "fc00::/7",
          "fe80::/10", "ff00::/8");

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args, System.getenv());
    ownerOnlyFolder(options.home());
    Path passwordFile = Password.file(options.home());
    String password = Password.choose(options.password(), passwordFile);
    DatabaseManagementService dbms = build(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dbms, stopped), "neo4j-shutdown"));
    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
      System.err.println("peergraph-neo4j: the database did not become available in 2 minutes");
      System.exit(1);
    }
    try {
      Password.apply(dbms, password);
      Password.keep(passwordFile, password);
    } catch (Exception e) {
      // The message names the user and the reason, never the password (it is a parameter).
      System.err.println("peergraph-neo4j: could not set the neo4j password: " + e.getMessage());
      System.exit(1);
    }
    BoltGuard.open();
    announce(options, boltPort(db));
    if ("1".equals(System.getenv("PEERGRAPH_NEO4J_EXIT_WITH_PARENT"))) {
      exitWhenStdinCloses();
    }
    stopped.await();
  }

  /**
   * A parent that holds our stdin open and dies, however it dies (SIGKILL included), closes it:
   * then the store is closed cleanly instead of an orphaned Neo4j holding the port.
   */
  private static void exitWhenStdinCloses() {
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (System.in.read() != -1) {
                  // Nothing is sent; only the end of the stream matters.
                }
              } catch (java.io.IOException e) {
                // A broken pipe means the parent is gone, as an end of stream does.
              }
              System.err.println("peergraph-neo4j: the parent process is gone; stopping");
              System.exit(0);
            },
            "parent-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** The store and the password file are the user's alone (created so, tightened if not). */
  private static void ownerOnlyFolder(Path home) throws java.io.IOException {
    Files.createDirectories(home);
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
  }

  private static DatabaseManagementService build(Options options) throws java.io.IOException {
    SocketAddress listen = new SocketAddress(options.host(), options.port());
    // LOAD CSV file URLs are off; should they come back on, they still see only this empty folder.
    Path imports = Files.createDirectories(options.home().resolve("import"));
    return new DatabaseManagementServiceBuilder(options.home())
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, listen)
        .setConfig(BoltConnector.advertised_address, listen)
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.allow_file_urls, false)
        .setConfig(GraphDatabaseSettings.load_csv_file_url_root, imports)
        .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist, blockedNetworks())
        .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of())
        // No usage report to neo4j.com from a developer's laptop.
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(options.pageCache()))
        .setConfig(GraphDatabaseSettings.transaction_timeout, options.transactionTimeout())
        .build();
  }

  private static List<IPAddressString> blockedNetworks() {
    return BLOCKED_NETWORKS.stream().map(IPAddressString::new).toList();
  }

  private static int boltPort(GraphDatabaseService db) {
    ConnectorPortRegister ports =
        ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
    return ports.getLocalAddress(ConnectorType.BOLT).getPort();
  }

  private static void announce(Options options, int port) throws Exception {
    String address = "bolt://" + options.host() + ":" + port;
    if (options.portFile() != null) {
      // Written atomically so a script polling for it never reads half a line.
      Path tmp = options.portFile().resolveSibling(options.portFile().getFileName() + ".tmp");
      Files.writeString(tmp, address + "\n");
      Files.move(tmp, options.portFile(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    System.out.println(
        "peergraph-neo4j ready "
            + address
            + " (data in "
            + options.home()
            + "; user neo4j, password in "
            + Password.file(options.home())
            + ")");
    System.out.flush();
  }

  private static void stop(DatabaseManagementService dbms, CountDownLatch stopped) {
    System.out.println("peergraph-neo4j: shutting down");
    dbms.shutdown();
    stopped.countDown();
  }
}
