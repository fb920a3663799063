package dev.peergraph.neo4jlocal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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
 * Runs Neo4j Community in-process with only the Bolt connector, on loopback.
 *
 * <p>Prints one line {@code peergraph-neo4j ready bolt://HOST:PORT} once the database answers,
 * and shuts down cleanly on SIGTERM or Ctrl-C.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args, System.getenv());
    Files.createDirectories(options.home());
    DatabaseManagementService dbms = build(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dbms, stopped), "neo4j-shutdown"));
    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
      System.err.println("peergraph-neo4j: the database did not become available in 2 minutes");
      System.exit(1);
    }
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

  private static DatabaseManagementService build(Options options) {
    SocketAddress listen = new SocketAddress(options.host(), options.port());
    return new DatabaseManagementServiceBuilder(options.home())
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, listen)
        .setConfig(BoltConnector.advertised_address, listen)
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(options.pageCache()))
        .setConfig(GraphDatabaseSettings.transaction_timeout, options.transactionTimeout())
        .build();
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
    System.out.println("peergraph-neo4j ready " + address + " (data in " + options.home() + ")");
    System.out.flush();
  }

  private static void stop(DatabaseManagementService dbms, CountDownLatch stopped) {
    System.out.println("peergraph-neo4j: shutting down");
    dbms.shutdown();
    stopped.countDown();
  }
}
