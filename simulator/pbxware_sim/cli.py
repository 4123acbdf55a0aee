"""``pbxware-sim``: run the simulator as a standalone HTTP server."""
import argparse
import os
import signal
import sys

from pbxware_sim.server import FAULT_KINDS, Fault, Simulator, make_server
from pbxware_sim.state import DIALECTS, EDIT_SEMANTICS, IVR_KEYMAP_SHAPES


def _seconds(text):
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError("expected a number of seconds >= 0, got %r" % text)
    return value


def build_parser():
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
    parser.add_argument("--seed", type=int, default=1,
                        help="generated activity (CDRs, live calls, dashboard figures) is the same for the same seed "
                             "(default 1)")
    parser.add_argument("--single-tenant", action="store_true",
                        help="behave like a PBXware not in tenant mode (at runtime: the tenant_mode setting of "
                             "POST /_sim/settings)")
    parser.add_argument("--fault", action="append", default=[], metavar="SPEC",
                        help="KIND:PATTERN[:COUNT[:SECONDS]] (COUNT default 1, 0 = forever); kinds: "
                             + ", ".join(FAULT_KINDS))
    live = parser.add_argument_group(
        "live-server behaviour", "off by default; also settable at runtime with POST /_sim/settings")
    live.add_argument("--codec-suffixes", action="store_true",
                      help="extension options.allow and tenant *_codecs reads give items such as 'ulaw,0'")
    live.add_argument("--tenant-ready-delay", type=_seconds, default=0.0, metavar="SECONDS",
                      help="pbxware.ext.add into a tenant fails with an error until SECONDS after its tenant.add")
    live.add_argument("--tenant-edit-lag", type=_seconds, default=0.0, metavar="SECONDS",
                      help="tenant.edit answers at once, but tenant.list/configuration show the change "
                           "only SECONDS later")
    live.add_argument("--ivr-keymap-shape", choices=IVR_KEYMAP_SHAPES, default="reference",
                      help="ivr.list shows one keymap entry without its key, the lowest key's (reference, default), "
                           "or every entry keyed by the key pressed (by_key)")
    sources = parser.add_argument_group(
        "vendor sources", "readings of the API reference and the Postman collection (see DIALECTS.md); "
                          "also settable at runtime with POST /_sim/settings")
    sources.add_argument("--dialect", choices=DIALECTS, default="reference",
                         help="follow the API reference (default) or the vendor's Postman collection where they "
                              "disagree (argument names, patterns, read shapes)")
    sources.add_argument("--edit-semantics", choices=EDIT_SEMANTICS, default="partial",
                         help="partial (default): ext.es.<service>.edit and otimes.<kind>.set keep what they do not "
                              "send; whole: they reset it to the defaults")
    return parser


def parse_args(argv=None):
    parser = build_parser()
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
                          tenant_mode=not args.single_tenant, request_log=args.request_log, faults=args.fault,
                          codec_suffixes=args.codec_suffixes, tenant_ready_delay=args.tenant_ready_delay,
                          tenant_edit_lag=args.tenant_edit_lag, dialect=args.dialect,
                          edit_semantics=args.edit_semantics, ivr_keymap_shape=args.ivr_keymap_shape,
                          seed=args.seed)
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
