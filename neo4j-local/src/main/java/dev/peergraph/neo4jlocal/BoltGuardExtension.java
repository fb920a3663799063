package dev.peergraph.neo4jlocal;

import org.neo4j.bolt.BoltServer;
import org.neo4j.bolt.protocol.common.connector.Connector;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;

/**
 * Installs {@link BoltGuard} on every Bolt connector before the port opens: global extensions
 * start before the Bolt server binds. Neo4j finds it through META-INF/services.
 */
public final class BoltGuardExtension extends ExtensionFactory<BoltGuardExtension.Dependencies> {
  public interface Dependencies {
    BoltServer boltServer();
  }

  public BoltGuardExtension() {
    super(ExtensionType.GLOBAL, "peergraph-bolt-guard");
  }

  @Override
  public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
    return new LifecycleAdapter() {
      @Override
      public void start() {
        for (Connector<?> connector : dependencies.boltServer().getConnectors()) {
          connector.registerListener(new BoltGuard());
        }
      }
    };
  }
}
