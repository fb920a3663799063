package dev.peergraph.neo4jlocal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.bolt.protocol.common.connector.connection.Connection;
import org.neo4j.bolt.protocol.common.connector.connection.listener.ConnectionListener;
import org.neo4j.bolt.protocol.common.connector.listener.ConnectorListener;

/**
 * Guards every Bolt connection, in front of Neo4j's own handlers.
 *
 * <p>Neo4j 5.26 has no setting for Bolt over WebSocket: its transport selection upgrades any
 * connection that starts with {@code GET } to a WebSocket, from any Origin. A browser page can
 * open such a WebSocket to 127.0.0.1 (raw TCP it cannot), so refusing HTTP here leaves a page
 * nothing to talk to. The drivers the service and the CLI use speak Bolt over TCP only.
 *
 * <p>It also keeps the port shut until the launcher has set the {@code neo4j} password: until
 * then the user still has the default password, or the one of the previous start.
 */
final class BoltGuard implements ConnectorListener {
  // One database per JVM here: the launcher's state, flipped once when auth is ready.
  private static final AtomicBoolean OPEN = new AtomicBoolean();
  private static final byte[] REFUSAL = refusal("This Neo4j speaks Bolt over TCP only.\n");

  static void open() {
    OPEN.set(true);
  }

  @Override
  public void onConnectionCreated(Connection connection) {
    connection.registerListener(
        new ConnectionListener() {
          @Override
          public void onNetworkPipelineInitialized(ChannelPipeline pipeline) {
            if (!OPEN.get()) {
              pipeline.channel().close();
              return;
            }
            pipeline.addFirst("peergraph-refuse-http", new RefuseHttp());
          }
        });
  }

  private static byte[] refusal(String body) {
    String head =
        "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n"
            + "Content-Length: "
            + body.length()
            + "\r\n\r\n";
    return (head + body).getBytes(StandardCharsets.US_ASCII);
  }

  /** Looks at the first bytes only, then steps out of the pipeline. */
  private static final class RefuseHttp extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf buf && buf.isReadable()) {
        // Bolt starts with 0x60 (its magic), TLS with 0x16; "GET " is Neo4j's WebSocket cue.
        if (buf.getUnsignedByte(buf.readerIndex()) == 'G') {
          ReferenceCountUtil.release(msg);
          ctx.writeAndFlush(Unpooled.wrappedBuffer(REFUSAL))
              .addListener(ChannelFutureListener.CLOSE);
          return;
        }
        ctx.pipeline().remove(this);
      }
      ctx.fireChannelRead(msg);
    }
  }
}
