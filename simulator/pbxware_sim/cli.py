"""``pbxware-sim``: run the simulator as a standalone HTTP server."""
import argparse
import os
import signal
import sys

from pbxware_sim.server import FAULT_KINDS, Fault, Simulator, make_server


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="pbxware-sim", description="Stateful Bicom PBXware API simulator.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port to bind; 0 picks a free one")
    parser.add_argument("--api-key", default=os.environ.get("PBXWARE_SIM_API_KEY"),
                        help="API key clients must send (default: $PBXWARE_SIM_API_KEY)")
    parser.add_argument("--request-log", metavar="FILE", help="append one JSON line per API request")
    parser.add_argument("--state", metavar="FILE", help="persist state in FILE across restarts")
    parser.add_argument("--fixture", metavar="FILE", help="initial data instead of the bundled default")
    parser.add_argument("--no-strict", dest="strict", action="store_false",
                        help="accept arguments the reference does not document for an action")
    parser.add_argument("--single-tenant", action="store_true", help="behave like a PBXware not in tenant mode")
    parser.add_argument("--fault", action="append", default=[], metavar="SPEC",
                        help="KIND:PATTERN[:COUNT[:SECONDS]] (COUNT default 1, 0 = forever); kinds: "
                             + ", ".join(FAULT_KINDS))
    args = parser.parse_args(argv)
    if not args.api_key:
        parser.error("--api-key (or $PBXWARE_SIM_API_KEY) is required")
    try:
        args.fault = [Fault.parse(spec) for spec in args.fault]
    except ValueError as err:
        parser.error(str(err))
    return args


def main(argv=None):
    args = parse_args(argv)
    simulator = Simulator(args.api_key, fixture_path=args.fixture, state_path=args.state, strict=args.strict,
                          tenant_mode=not args.single_tenant, request_log=args.request_log, faults=args.fault)
    httpd = make_server(simulator, args.host, args.port)
    # SIGTERM ends serve_forever() like Ctrl-C does, so the socket is closed cleanly.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    host, port = httpd.server_address[:2]
    print("pbxware-sim listening on http://%s:%d/" % (host, port), flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
        simulator.log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
