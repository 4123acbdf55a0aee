# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run awx/project the way AWX runs a job, with ansible-runner, against the simulator.

    python awx_job.py --sim-url URL --sim-key KEY --collections PATH --out DIR

AWX, for each job: copies the project into a private data directory, renders the
credential type's injectors with the credential's inputs (env/envvars, plus a file for a
`file` injector), writes the job template's extra_vars into env/extravars, passes
`--check` for a job of type check and `--diff` for diff mode, and runs ansible-playbook
through ansible-runner against the inventory its inventory source produced (an
inventory update: ansible-inventory with the same credential's environment). This does
the same with awx/credential_type_pbxware.yml and awx/job_templates_pbxware.yml.

The simulator's URL and key are given on the command line and removed from this
process's environment, so only the injected environment can reach the jobs (runner
passes its own environment on to ansible-playbook).
"""

import argparse
import glob
import json
import os
import re
import shutil
import stat
import sys
import tempfile

import ansible_runner
import yaml
from jinja2.sandbox import ImmutableSandboxedEnvironment

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
AWX = os.path.join(ROOT, "awx")
FAILURES = []


def fail(message):
    FAILURES.append(message)
    print("awx-test: FAIL: %s" % message, file=sys.stderr)


def ok(message):
    print("awx-test: ok: %s" % message)


def load(path):
    with open(path, encoding="utf-8") as stream:
        return yaml.safe_load(stream)


def collection_env_names():
    """The environment variables the modules (CONNECTION_ARGS) and the inventory plugin read."""
    with open(os.path.join(ROOT, "plugins/module_utils/engine/module.py"), encoding="utf-8") as stream:
        modules = set(re.findall(r'env_fallback, \["(PBXWARE_\w+)"\]', stream.read()))
    with open(os.path.join(ROOT, "plugins/inventory/pbxware.py"), encoding="utf-8") as stream:
        inventory = set(re.findall(r"- name: (PBXWARE_\w+)", stream.read()))
    return modules, inventory


class Tower(object):
    """The `tower` namespace of AWX's injector templates."""
    filename = None


def render_credential(credential_type, inputs, private_data_dir):
    """env/envvars of a job using a credential with ``inputs``, as AWX's CredentialType.inject_credential
    renders it: missing booleans are False, other missing inputs undefined (empty), file injectors
    written to files under env/ whose path is ``tower.filename``."""
    namespace = dict(inputs)
    for field in credential_type["inputs"]["fields"]:
        if field["type"] == "boolean" and field["id"] not in inputs:
            namespace[field["id"]] = False
    sandbox = ImmutableSandboxedEnvironment()
    tower = Tower()
    for label, template in (credential_type["injectors"].get("file") or {}).items():
        assert "." not in label, "only the single-file form is emulated"
        handle, path = tempfile.mkstemp(dir=os.path.join(private_data_dir, "env"))
        with os.fdopen(handle, "w") as stream:
            stream.write(sandbox.from_string(template).render(**namespace))
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
        tower.filename = path
    namespace["tower"] = tower
    return dict((name, sandbox.from_string(template).render(**namespace))
                for name, template in credential_type["injectors"]["env"].items())


def prepare(name, credential_type, inputs, settings_env, out):
    """A fresh private data directory with the project and the credential's environment."""
    pdd = os.path.join(out, name)
    shutil.rmtree(pdd, ignore_errors=True)
    os.makedirs(os.path.join(pdd, "env"))
    os.makedirs(os.path.join(pdd, "inventory"))
    shutil.copytree(os.path.join(AWX, "project"), os.path.join(pdd, "project"))
    env = render_credential(credential_type, inputs, pdd)
    env.update(settings_env)  # AWX's "Extra Environment Variables" setting (AWX_TASK_ENV)
    with open(os.path.join(pdd, "env", "envvars"), "w", encoding="utf-8") as stream:
        yaml.safe_dump(env, stream)
    return pdd, env


def inventory_update(pdd, env):
    """The inventory source: ansible-inventory on the project's inventory/pbxware.yml with the
    credential's environment, as AWX's inventory update runs it. (data or None, output)."""
    listing = os.path.join(pdd, "inventory-update.json")
    out, err, rc = ansible_runner.run_command(
        executable_cmd="ansible-inventory",
        cmdline_args=["-i", os.path.join(pdd, "project", "inventory", "pbxware.yml"), "--list", "--output", listing],
        envvars=env, host_cwd=os.path.join(pdd, "project"), quiet=True,
        private_data_dir=os.path.join(pdd, "inventory-update"))
    if rc != 0 or not os.path.exists(listing):
        return None, "%s%s" % (out, err)
    with open(listing, encoding="utf-8") as stream:
        data = json.load(stream)
    if not data.get("_meta", {}).get("hostvars"):
        return None, "%s%s" % (out, err)  # the source did not parse (ansible-inventory only warns)
    return data, out


def run_job(pdd, template, inventory):
    """Run a job template's playbook in ``pdd`` the way AWX does: the hosts of the last inventory
    update as an inventory script, extra_vars in env/extravars, --check/--diff on the command line."""
    script = os.path.join(pdd, "inventory", "hosts")
    with open(script, "w", encoding="utf-8") as stream:
        stream.write("#!%s\nimport json\nprint(json.dumps(%r))\n" % (sys.executable, inventory))
    os.chmod(script, 0o700)
    with open(os.path.join(pdd, "env", "extravars"), "w", encoding="utf-8") as stream:
        yaml.safe_dump(template.get("extra_vars") or {}, stream)
    cmdline = []
    if template.get("job_type") == "check":
        cmdline.append("--check")
    if template.get("diff_mode"):
        cmdline.append("--diff")
    if cmdline:
        with open(os.path.join(pdd, "env", "cmdline"), "w", encoding="utf-8") as stream:
            stream.write(" ".join(cmdline))
    runner = ansible_runner.run(private_data_dir=pdd, playbook=template["playbook"], quiet=True, inventory=script)
    stdout = runner.stdout.read()
    with open(os.path.join(pdd, "job.log"), "w", encoding="utf-8") as stream:
        stream.write(stdout)
    return runner, stdout


def report(directory):
    found = sorted(glob.glob(os.path.join(directory, "drift-report-*.json")))
    if len(found) != 1:
        return {}
    with open(found[0], encoding="utf-8") as stream:
        return json.load(stream)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sim-url", required=True)
    parser.add_argument("--sim-key", required=True)
    parser.add_argument("--collections", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    for name in list(os.environ):
        if name.startswith("PBXWARE_"):
            del os.environ[name]  # only the credential's injection may reach the jobs

    credential_type = load(os.path.join(AWX, "credential_type_pbxware.yml"))
    templates = dict((t["name"], t) for t in load(os.path.join(AWX, "job_templates_pbxware.yml"))["pbxware_awx_job_templates"])
    good = dict(url=args.sim_url, api_key=args.sim_key, validate_certs=True)

    def settings(name):
        return {"ANSIBLE_COLLECTIONS_PATH": args.collections, "ANSIBLE_NOCOLOR": "1",
                "DRIFT_REPORT_DIR": os.path.join(args.out, name, "drift")}

    def update(name, inputs):
        pdd, env = prepare(name, credential_type, inputs, settings(name), args.out)
        return inventory_update(pdd, env) + (env, pdd)

    def job(name, cred_type, inputs, template):
        pdd, env = prepare(name, cred_type, inputs, settings(name), args.out)
        runner, stdout = run_job(pdd, templates[template], inventory)
        return runner, stdout, report(os.path.join(args.out, name, "drift"))

    # 0. The injected names are exactly what the collection reads.
    modules, inventory_names = collection_env_names()
    injected = set(credential_type["injectors"]["env"])
    wanted = set(["PBXWARE_URL", "PBXWARE_API_KEY", "PBXWARE_VALIDATE_CERTS", "PBXWARE_CA_PATH"])
    if injected != wanted or not injected <= modules or not injected <= inventory_names:
        fail("credential type injects %s; the modules read %s, the inventory plugin %s"
             % (sorted(injected), sorted(modules), sorted(inventory_names)))
    else:
        ok("credential type injects %s, all read by the modules and the inventory plugin" % ", ".join(sorted(injected)))

    # 1. The inventory update (the inventory source with the credential).
    inventory, output, env, pdd = update("inventory-update", good)
    if env.get("PBXWARE_VALIDATE_CERTS") != "True" or env.get("PBXWARE_CA_PATH") != "":
        fail("rendered env %s" % dict((k, v) for k, v in env.items() if k != "PBXWARE_API_KEY"))
    # AWX injects PBXWARE_CA_PATH="" for a credential without a CA path: it must mean none.
    inventory_good = good
    tenants = sorted((inventory or {}).get("pbxware_tenants", {}).get("hosts", []))
    if tenants != ["t1.example.com", "t2.example.com"]:
        fail("inventory update: tenants %s, expected t1/t2.example.com; output: %s" % (tenants, output[-2000:]))
        sys.exit(1)
    ok("inventory update with the injected environment: hosts %s" % ", ".join(tenants))
    bad, output, env, pdd = update("inventory-update-wrong-key", dict(inventory_good, api_key="not-the-key-0000"))
    if bad is not None or "Invalid API key" not in output:
        fail("inventory update with a wrong key: expected it to fail with 'Invalid API key'; output: %s" % output[-2000:])
    else:
        ok("inventory update with a wrong key fails (Invalid API key)")

    # 2. The provision job, then the audit job (check + diff), with the credential's environment only.
    runner, stdout, drift = job("provision", credential_type, good, "PBXware provision")
    if runner.status != "successful" or drift.get("drift_count") != 3 or drift.get("mode") != "apply":
        fail("job 'PBXware provision': %s (rc %s), report %s; output:\n%s"
             % (runner.status, runner.rc, drift.get("drift_count"), stdout[-3000:]))
    else:
        ok("job 'PBXware provision' (job type run): successful on %s, the drift report lists 3 changes"
           % ", ".join(drift["hosts"]))
    if args.sim_key in stdout or args.sim_key in json.dumps(drift):
        fail("the API key appears in the job output or the report")
    runner, stdout, drift = job("audit", credential_type, good, "PBXware nightly audit")
    if runner.status != "successful" or drift.get("drift_count") != 0 or drift.get("mode") != "check":
        fail("job 'PBXware nightly audit': %s (rc %s), report %s; output:\n%s"
             % (runner.status, runner.rc, drift, stdout[-3000:]))
    else:
        ok("job 'PBXware nightly audit' (job type check, diff): successful, a clean drift report (%d objects checked)"
           % drift["checked_count"])

    # 3. A wrong injection must fail the job: a wrong key, the URL under a name the collection does not
    #    read, a CA path that does not exist (so PBXWARE_CA_PATH is read).
    def must_fail(name, cred_type, inputs, expect):
        runner, stdout, drift = job(name, cred_type, inputs, "PBXware nightly audit")
        if runner.status != "failed" or expect not in stdout:
            fail("%s: the job ended %s, expected failed with %r; output:\n%s" % (name, runner.status, expect, stdout[-3000:]))
        else:
            ok("%s: the job fails (%s)" % (name, expect))

    must_fail("wrong-key", credential_type, dict(good, api_key="not-the-key-0000"), "Invalid API key")
    renamed = json.loads(json.dumps(credential_type))
    renamed["injectors"]["env"]["PBXWARE_ENDPOINT"] = renamed["injectors"]["env"].pop("PBXWARE_URL")
    must_fail("wrong-env-name", renamed, good, "missing required arguments: url")
    must_fail("missing-ca-path", credential_type, dict(good, ca_path="/nonexistent/pbx-ca.pem"),
              "ca_path /nonexistent/pbx-ca.pem is not a file")

    # 4. The CA certificate input is written to a file and PBXWARE_CA_PATH names it.
    pdd, env = prepare("ca-cert", credential_type, dict(good, ca_cert="-----BEGIN CERTIFICATE-----\nMIIB\n"),
                       settings("ca-cert"), args.out)
    path = env.get("PBXWARE_CA_PATH", "")
    with open(path or os.devnull, encoding="utf-8") as stream:
        content = stream.read()
    if not path.startswith(os.path.join(pdd, "env")) or "BEGIN CERTIFICATE" not in content:
        fail("ca_cert: PBXWARE_CA_PATH is %r, expected a file under env/ holding the certificate" % path)
    else:
        ok("ca_cert: written to %s, PBXWARE_CA_PATH names it" % os.path.relpath(path, args.out))

    if FAILURES:
        print("awx-test: %d check(s) failed" % len(FAILURES), file=sys.stderr)
        sys.exit(1)
    print("awx-test: all passed (jobs in %s)" % args.out)


if __name__ == "__main__":
    main()
