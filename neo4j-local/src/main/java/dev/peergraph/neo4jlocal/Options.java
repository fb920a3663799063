package dev.peergraph.neo4jlocal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Launcher settings: command-line flags win over environment variables, which win over defaults. */
record Options(
    String host,
    int port,
    Path home,
    String pageCache,
    Duration transactionTimeout,
    Path portFile,
    String password) {

  static final String USAGE =
      "usage: neo4j-local [--port N (0 = any free port)] [--host 127.0.0.1] [--data-dir DIR]\n"
          + "                   [--page-cache 256m] [--tx-timeout-seconds 30] [--port-file FILE]\n"
          + "env: NEO4J_LOCAL_PORT, NEO4J_LOCAL_HOST, NEO4J_LOCAL_DATA, NEO4J_LOCAL_PAGE_CACHE,\n"
          + "     NEO4J_LOCAL_TX_TIMEOUT_SECONDS, NEO4J_LOCAL_PORT_FILE; heap: -Xmx in JAVA_OPTS\n"
          + "     NEO4J_LOCAL_PASSWORD: the neo4j user's password (else DIR/neo4j-password, made\n"
          + "     on the first start); only from the environment, which other users cannot read";

  static Options parse(String[] args, Map<String, String> env) {
    Map<String, String> flags = flags(args);
    String portFile = pick(flags, env, "port-file", "NEO4J_LOCAL_PORT_FILE", null);
    String password = env.get("NEO4J_LOCAL_PASSWORD");
    if (password != null && password.length() < Password.MIN_LENGTH) {
      fail("NEO4J_LOCAL_PASSWORD must be at least " + Password.MIN_LENGTH + " characters");
    }
    return new Options(
        pick(flags, env, "host", "NEO4J_LOCAL_HOST", "127.0.0.1"),
        Integer.parseInt(pick(flags, env, "port", "NEO4J_LOCAL_PORT", "7687")),
        Path.of(pick(flags, env, "data-dir", "NEO4J_LOCAL_DATA", ".neo4j-data")).toAbsolutePath(),
        pick(flags, env, "page-cache", "NEO4J_LOCAL_PAGE_CACHE", "256m"),
        Duration.ofSeconds(
            Long.parseLong(pick(flags, env, "tx-timeout-seconds", "NEO4J_LOCAL_TX_TIMEOUT_SECONDS", "30"))),
        portFile == null ? null : Path.of(portFile).toAbsolutePath(),
        password);
  }

  /** Without the password, which must never reach a log. */
  @Override
  public String toString() {
    return "Options[host=" + host + ", port=" + port + ", home=" + home + "]";
  }

  private static String pick(
      Map<String, String> flags, Map<String, String> env, String flag, String var, String fallback) {
    return flags.getOrDefault(flag, env.getOrDefault(var, fallback));
  }

  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--help") || args[i].equals("-h")) {
        System.out.println(USAGE);
        System.exit(0);
      }
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        fail("bad argument '" + args[i] + "'\n" + USAGE);
      }
      flags.put(args[i].substring(2), args[++i]);
    }
    return flags;
  }

  private static void fail(String message) {
    System.err.println("peergraph-neo4j: " + message);
    System.exit(2);
  }
}
