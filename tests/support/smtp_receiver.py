#!/usr/bin/python3
"""A real SMTP server for tests, on 127.0.0.1 only (Debian's python3-aiosmtpd).

Usage: smtp_receiver.py PORT starttls|tls CERT KEY USER
The password expected from USER is read from $SMTP_TEST_PASSWORD. AUTH
(PLAIN or LOGIN) is required, and only over TLS. Prints READY once it
listens, then one JSON line per message accepted: {"from", "to", "login",
"data"}. Runs until killed or until its standard input closes.
"""
import json
import os
import ssl
import sys
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    port, mode, cert, key, user = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
    password = os.environ.get("SMTP_TEST_PASSWORD", "").encode()

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            auth = getattr(session, "auth_data", None)
            login = auth.decode() if isinstance(auth, bytes) else ""
            print(json.dumps({
                "from": envelope.mail_from,
                "to": envelope.rcpt_tos,
                "login": login,
                "data": envelope.original_content.decode("utf-8", "replace"),
            }), flush=True)
            return "250 OK"

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == user.encode()
              and auth_data.password == password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    options = dict(hostname="127.0.0.1", port=int(port), authenticator=authenticator,
                   auth_required=True, auth_require_tls=True)
    if mode == "tls":
        # The whole connection is TLS; aiosmtpd 1.4 only counts STARTTLS as
        # TLS for auth_require_tls, so it would never offer AUTH here.
        options["ssl_context"] = context
        options["auth_require_tls"] = False
        warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    else:
        options["tls_context"] = context
        options["require_starttls"] = True
    controller = Controller(Handler(), **options)
    controller.start()
    print("READY", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
