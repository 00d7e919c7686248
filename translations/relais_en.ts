<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DrillCloneRequest</name>
    <message>
        <source>%1: proxy device &quot;%2&quot; left out (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: network device &quot;%2&quot; on %3 without the copy&apos;s fixed addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: network device &quot;%2&quot; (%3) left out: backup has no LXD bridge without outside interfaces, so the clone has no network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: network device &quot;%2&quot; moved from %3 to the isolated bridge %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillCommand</name>
    <message>
        <source>The site document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing --site FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the drill journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown drill command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the steps a drill of the site&apos;s recovery plan would run, in order, and the decisions taken. Nothing is run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rehearsal (default), planned-failover, emergency-failover or failback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown mode &quot;%1&quot;: use rehearsal, planned-failover, emergency-failover or failback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no recovery plan (&quot;plan&quot; in its document).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2: %n steps</source>
        <translation>
            <numerusform>%1 of %2: %n step</numerusform>
            <numerusform>%1 of %2: %n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>timeout %n s</source>
        <translation>
            <numerusform>timeout %n s</numerusform>
            <numerusform>timeout %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>before: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the site&apos;s drills, newest first, with their outcome, RTO and RPO.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most N drills (default 20).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit expects a number from 1 to 10000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drill yet for this site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2 %3: %4; RTO %5 (target %6 min), RPO %7 (target %8 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill&apos;s number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drill %1 for this site (see &quot;relaisctl drill history&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the report of drill ID (see &quot;relaisctl drill history&quot;): HTML on standard output, or to files as evidence (written atomically).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the HTML report to FILE instead of standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the report as PDF to FILE.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillPlanner</name>
    <message>
        <source>Main is silent: final sync of job &quot;%1&quot; skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main is silent: no snapshot of %1 on main.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main is silent: %1 not stopped on main (fencing skipped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main is silent: the backup copies of %1 are used as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drill record in the plan: the DNS switch of &quot;%1&quot; is not rehearsed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal: sync, snapshot, fencing, refresh and lock steps are not run; production is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillReport</name>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>not measured (target %n min)</source>
        <translation>
            <numerusform>not measured (target %n min)</numerusform>
            <numerusform>not measured (target %n min)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — target %n min met</source>
        <translation>
            <numerusform>%1 — target %n min met</numerusform>
            <numerusform>%1 — target %n min met</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — target %n min MISSED</source>
        <translation>
            <numerusform>%1 — target %n min MISSED</numerusform>
            <numerusform>%1 — target %n min MISSED</numerusform>
        </translation>
    </message>
    <message>
        <source>Drill report — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO (time to serve again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO (data-loss window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cleanup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais %1, drill %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillReportFile</name>
    <message>
        <source>Drill report — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillText</name>
    <message>
        <source>main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final sync of &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot %1 on main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot %1 on backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1 on main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the backup copies of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1 on backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock replication to backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clone %1 for the drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the clones of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe the clones of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the canary in the clones of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point the drill record of %1 at backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the drill record of %1 to converge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the clones of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the drill record of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review what &quot;%1&quot; would copy back to main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &quot;%1&quot; back to main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1 on backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh %1 on main from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1 on main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock replication to backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned failover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency failover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database: the replication lock cannot be kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Relais cannot run the step &quot;%1&quot; yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 the drill&apos;s mode (&quot;Rehearsal&quot;), %2 its outcome (&quot;succeeded&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO %1 (target %2 min), RPO %3 (target %4 min).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to channel %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent to channel %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no sync job &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no service &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service &quot;%1&quot; has neither an HTTP or TCP probe nor a DNS record to verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service &quot;%1&quot; has no DNS record to switch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS record of the service &quot;%1&quot; has no TSIG key (&quot;tsig&quot;): Relais only sends signed updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure the RPO on backup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The site file does not exist. Check the path or open another site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site file cannot be read. Check that it is a file you may read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site file is not valid JSON. Fix it in a text editor at the place shown below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site file has errors. Each one is listed below with where it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site could not be saved. The previous version is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written. The previous version is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large to be a file Relais wrote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database was written by a newer Relais. Use that version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database could not be updated; it was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database refused a change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error (%1 %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no vault yet. Create one to keep your credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault file cannot be read. Check that it is a file you may read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase does not open the vault. Type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault file is damaged or was changed by something else. Restore it from its backup (the .bak file beside it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault file was cut short. Restore it from its backup (the .bak file beside it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a Relais vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault was written by a newer Relais. Use that version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault could not be saved. The previous version is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault holds no credential with that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault already holds a credential with that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This credential cannot be stored as it is; the details say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain answered, so the vault key cannot be remembered on this computer. Use the passphrase instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encryption library failed. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host cannot be reached over SSH. Check that it is up and the address and port are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host&apos;s key is not known yet and nobody confirmed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host&apos;s key has CHANGED since it was trusted. This may be an attack, or the server was reinstalled: check with its administrator before trusting the new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host&apos;s key was not trusted, so Relais did not connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host refused the SSH key. Install its public key on the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host refused to open a channel (command or forwarding).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remote command could not run to its end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH connection was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH key cannot be read. Check the credential in the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trusted host key could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server&apos;s address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name asked is not a valid DNS name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server sent an answer that is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS query failed; the details say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your SSH configuration has no such host. Check the name after &quot;Host&quot; in ~/.ssh/config.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This host of your SSH configuration cannot be imported as it is; the details say why. Adjust the site by hand after importing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD cannot be reached on this host. Check that LXD runs and that its socket path in the site is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD does not know this container or snapshot; LXD&apos;s words are below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD refused the request; LXD&apos;s words are below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD does not trust Relais for this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD could not do it; LXD&apos;s words are below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LXD operation failed; LXD&apos;s words are below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. LXD may finish an operation it cannot stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD did not answer, or did not finish, in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer on LXD&apos;s socket is not LXD&apos;s API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS change asked for is not valid (name, address or TTL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TSIG key in the vault is not written as name:algorithm:secret. Fix the vault entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server of the record is not a valid address, or its name does not resolve. Check the site&apos;s DNS settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server did not answer the update in time. It may still have applied it: check the record before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update could not reach the DNS server (refused or no route).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server&apos;s answer to the update is not valid DNS; the record&apos;s state is unknown. Check it before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server&apos;s answer is not signed with the TSIG key, so Relais cannot trust it. Check the record and the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server is not authoritative for this zone, or refuses the key (NOTAUTH).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server rejected the signature (BADSIG): the TSIG secret in the vault is not the server&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server does not know this TSIG key name (BADKEY). Check the key name in the vault and on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server refused the signature&apos;s time (BADTIME): this computer&apos;s clock and the server&apos;s differ. Set both clocks right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server refused the update (REFUSED): its update policy does not allow it, or the key is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record changed behind Relais&apos; back: it no longer holds the address expected, so nothing was overwritten. Look at the record first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server failed to apply the update (SERVFAIL); see its logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server rejected the update; the details give its answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS update was cancelled. The server may have applied it already: check the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication from main to backup is locked because backup is the active side. Fail back first (reverse sync), then unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A command to run before the copy failed, so nothing was copied; the details give its output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais could not write its freshness marker on main, so nothing was copied. Check that the source paths exist and are writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy failed; the details say why and what to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy was cancelled. Files already renamed into place on backup stay; no half-written file is left at its final name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais could not reach the host that starts the copy over SSH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an HTTP answer that Relais refuses to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LXD server&apos;s certificate is not trusted yet. Check its fingerprint on the server (lxc info) before trusting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LXD server presented a certificate other than the one Relais trusts. Someone may be intercepting the connection: nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to LXD failed; the details say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LXD trust token cannot be used: it is not a token, or it has expired. Ask the server for a new one (lxc config trust add).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LXD client certificate in the vault cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file of trusted LXD certificates cannot be read or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS change asked for is not valid for this provider (name outside the zone, no address, or a TTL it does not accept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s credentials in the vault are not in the expected format. See the DNS documentation and fix the vault entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s API address is not a valid http:// or https:// URL. Check the site&apos;s DNS settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another request to this DNS provider is still running; wait for it to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS provider refused the credentials (key, token or signature). Check the vault entry and the rights given to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refused the request&apos;s time: this computer&apos;s clock is too far from the provider&apos;s. Set the clock right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS provider does not know this zone, record or address. Check the site&apos;s settings against the provider&apos;s account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s record no longer holds the address Relais expected, so nothing was written. Look at the record first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS provider refused the request; the details give its answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS provider failed to handle the request (server error). Try again later, after checking the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS provider&apos;s answer is not what its API documents; the record&apos;s state is unknown. Check it before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to the DNS provider failed: its certificate could not be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais could not reach the DNS provider&apos;s API (refused or no route).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS provider did not answer in time. A change may still have been applied: check the record before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVH could not move the failover IP; the details give the task&apos;s state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request to the DNS provider was cancelled. A change it received may still be applied: check the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s recovery plan has nothing to run in this mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step of the drill failed; the drill stopped and cleaned up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step of the drill ran past its timeout and was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill was cancelled; what it created was cleaned up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill journal cannot be written, so the drill stopped: a drill that cannot be followed after a crash is not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unfinished drill cannot be read back from the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site lacks what this step needs; the details say what.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Relais cannot run this step yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This DNS provider is not available in this version of Relais.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS provider&apos;s credentials are missing: unlock the vault, or add the entry the site names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS provider&apos;s credentials in the vault cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS provider cannot handle this record or change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS provider is still busy with another request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS provider answered without the record; the details say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The switch cannot be made: the site lacks an address for a side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record could not be read before switching; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record points to neither main nor backup; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record changed behind Relais&apos;s back; it was not overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider did not change the record; the details say what was done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No authoritative server to verify the switch at: list them in the site&apos;s &quot;verify&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record changed, but not every authoritative server answers it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The switch was cancelled; the details say what was done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A switch of this record is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This notification channel cannot be used as written: its vault entry or its CA file is missing. Check the site&apos;s notifications and the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais could not reach the notification server (refused, no route or unknown name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to the notification server failed: its certificate could not be verified, or it offers no TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notification server refused the token or the login. Check the channel&apos;s vault entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notification server refused the message; the details give its answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server refused the sender, a recipient or the message; the details give its answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notification server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the notification was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you refused it, Relais asks again only when you choose View ▸ Check Now or open the site again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD is reached over SSH, and the host&apos;s SSH key was not trusted, so Relais did not connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another run of this job is still copying on its host, so this one did not start; nothing was copied. Try again when it ends.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthText</name>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up</source>
        <comment>state inside a sentence</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>degraded</source>
        <comment>state inside a sentence</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <comment>state inside a sentence</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>state inside a sentence</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No answer within %n s</source>
        <translation>
            <numerusform>No answer within %n s</numerusform>
            <numerusform>No answer within %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port is closed (connection refused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host cannot be reached (no route: is its network up?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name does not resolve to an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate could not be verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is not the pinned one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web server answered with an unexpected status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page does not contain the expected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port answered, but not with SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server has no such record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server refused or failed to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record points to neither main nor backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was stopped before an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, flapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, stable again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (flapping)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date then time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host&apos;s SSH key or LXD certificate was refused; choose View ▸ Check Now to be asked again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LxdAccess</name>
    <message>
        <source>Warning: no replication history (copy ages unknown): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH host key of %1 is not trusted yet (%2); check it and run &quot;relaisctl ssh trust&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LXD certificate of %1 is not trusted yet (SHA-256 %2); check it and run &quot;relaisctl lxd trust&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseSource</name>
    <message>
        <source>The passphrase is empty; give a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the passphrase file %1: %2; check its name and permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the passphrase file %1; check that it is a small text file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No passphrase given and no terminal to ask it on. Give it with --passphrase-file FILE or the environment variable RELAIS_VAULT_PASSPHRASE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault passphrase: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault passphrase again: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the passphrase from the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was created. Run the command again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RsyncExitPolicy</name>
    <message>
        <source>The copy is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy is complete, but some source files vanished while it ran (they were deleted or renamed on main meanwhile); the next run takes the new state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection between the hosts failed (socket I/O); Relais will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data stream between the hosts broke (often a full disk or a killed rsync on the other side); Relais will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transfer timed out waiting for the other host; Relais will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH connection between the hosts failed (host down, refused or host key problem); Relais will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some files could not be copied (permissions, unreadable files or a full destination); the run&apos;s messages name them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsync refused the job&apos;s options (rsync %1 on one of the hosts does not support them, or the restricted key forbids them). Check the job and the rsync versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A source or destination path is missing or unusable; check the job&apos;s paths on both hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsync could not start on the other host (is rsync installed there, and does the replication key allow it?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file could not be read or written (file I/O error: disk full, read-only file system or a failing disk).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsync was stopped by a signal (cancelled, or killed on a host).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsync ran out of memory on a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsync stopped because it would have deleted more files than the job allows (--max-delete); check the source before anything is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsync failed with exit status %1; the run&apos;s messages say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsync reported success but threw away files it had copied (&quot;%1&quot;); the backup did not receive them. Check the job&apos;s options and the rrsync restriction on the receiving host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup refused the copy: replication to it is locked since a failover (it serves now). Fail back to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pre-sync hook failed or ran out of time on the initiating host; nothing was copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another run of the job was in progress on its initiating host; nothing was copied. Try again when it ends.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteCheckCommand</name>
    <message>
        <source>Check a site document and list every problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site document to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl site check FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: invalid site document: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: valid site &quot;%2&quot; (main %3, backup %4, %n service(s))</source>
        <translation>
            <numerusform>%1: valid site &quot;%2&quot; (main %3, backup %4, %n service)</numerusform>
            <numerusform>%1: valid site &quot;%2&quot; (main %3, backup %4, %n services)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteDocument</name>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key (did you mean &quot;%1&quot;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <extracomment>%1 is the value found: a number, a quoted string, true, false, null, &quot;an array&quot; or &quot;an object&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1–%2, got %3</source>
        <extracomment>%1–%2 is the accepted range, %3 the number found</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid vault id %1; expected [a-z0-9][a-z0-9._-]{0,63}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an IP address or a DNS name, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a DNS name, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an http:// or https:// URL, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at most %1 characters, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an IP address, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid user name %1; expected [A-Za-z_][A-Za-z0-9._-]{0,31}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown transport %1; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used by the %1 transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (required by the %1 transport)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an absolute path, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected https://address:port, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate service name %1 (also %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid service name %1; expected [A-Za-z0-9][A-Za-z0-9._-]*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid instance name %1; expected a letter, then letters, digits or hyphens (at most 63, not ending with a hyphen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate container %1 (also %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown provider %1; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used by the %1 provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (required by the %1 provider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a name relative to the zone or &quot;@&quot;, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown record type %1; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an %1 record cannot point to %2 (%3)</source>
        <extracomment>%1 is A or AAAA, %2 a JSON path, %3 the address found there</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dns probes need %1, which is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown probe kind %1; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used by %1 probes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (required by %1 probes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown host %1; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected two integers [min, max], got an array of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected min ≤ max, got [%1, %2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at most interval_seconds (%1), got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the certificate&apos;s SHA-256 fingerprint (64 hexadecimal digits, colons allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only for https:// URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a file path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an absolute path without &quot;..&quot; or control characters, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate sync job name %1 (also %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid sync job name %1; expected [a-z0-9][a-z0-9_-]{0,31}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown direction %1; expected %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at least one path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the root directory cannot be a destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-empty pattern on one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;manual&quot; or an object, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected exactly one of every_minutes and daily_at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a time as HH:MM (00:00 to 23:59), got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown host %1; expected %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a command of 1 to 4096 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an IP address with an optional port (&quot;192.0.2.1:53&quot;, &quot;[2001:db8::1]:53&quot;), got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown provider %1; expected ovh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an IP address or block, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an OVH service name, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same service as main_service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an LXD instance name (letters, digits and hyphens, starting with a letter, at most 63), got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at least one group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate group name %1 (also %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid group name %1; expected [a-z0-9][a-z0-9_-]{0,31}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at least one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a name relative to the zone, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown step kind %1; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used by %1 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (required by %1 steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at least one container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>container %1 is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at most 1000 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no sync job is named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no service is named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service %1 has no dns record to switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an e-mail address (name@domain), got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate channel name %1 (also %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid channel name %1; expected [a-z0-9][a-z0-9_-]{0,31}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown channel kind %1; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used by %1 channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (required by %1 channels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at least one event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown event %1; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1 is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a user or password in the URL is not allowed; put the secret in the vault and name it in &quot;credentials&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid topic %1; expected [A-Za-z0-9_-]{1,64}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown TLS mode %1; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a login name on one line, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at least one address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteImportCommand</name>
    <message>
        <source>it is not a private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is protected by a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a site&apos;s hosts from your SSH configuration and store their keys in the site&apos;s vault. A new SITE file is created; an existing one keeps its services, targets and LXD settings, and only its hosts&apos; address and SSH settings change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site document to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &quot;Host&quot; alias of the main server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &quot;Host&quot; alias of the backup server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH configuration to read (default: ~/.ssh/config).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of a new site (default: the two aliases).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault that receives the keys (default: the site&apos;s &quot;vault&quot;, else %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not store the key files in the vault (add them later with &quot;relaisctl vault add&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl site import-ssh --main ALIAS --backup ALIAS SITE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the SSH configuration %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists but is not a valid site document (%2); nothing was changed. Fix it, or choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import &quot;Host %1&quot; from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The imported site would not be valid; nothing was written:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 cannot be stored: %2. Relais keeps keys inside its encrypted vault without a passphrase of their own: store a copy without one (ssh-keygen -p -f COPY -N &apos;&apos;) with &quot;relaisctl vault add %3 --kind ssh-private-key --file COPY&quot;, then run this import again with --no-keys. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault already holds %1 as &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault already has an entry &quot;%1&quot; that is not the key %2; nothing was written. Remove or rename that entry first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH key %1 (imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stored %n key(s) in the vault %1.</source>
        <translation>
            <numerusform>Stored %n key in the vault %1.</numerusform>
            <numerusform>Stored %n keys in the vault %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the hosts of %1: main %2, backup %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the new site %1: main %2, backup %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: trust each host key with &quot;relaisctl ssh trust&quot;, then add services and probes to the site.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncHostInstall</name>
    <message>
        <source>The job has a pre-sync hook on %1, which the installed job cannot run (it starts on %2 and its key can only run rsync there). Run this job from the console, or move the hook to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the job %1 runs on demand only: nothing to install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cron cannot run a job every %1 minutes; use a systemd timer or a period dividing an hour or a day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VaultCommand</name>
    <message>
        <source>Unknown vault command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault file (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no vault at %1. Create one with &quot;relaisctl vault init&quot;, or choose the file with --vault FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the vault %1; check that it is a file you may read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase for the vault %1; nothing was changed. Try again with the right passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault %1 is damaged or was tampered with; nothing was changed. Restore %1.bak or another copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Relais vault; choose the vault file with --vault FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault %1 was written by a newer Relais; update Relais to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the vault %1; it was not changed. Check the disk and the directory&apos;s permissions, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no entry &quot;%1&quot; in the vault; &quot;relaisctl vault list&quot; shows the ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault already has an entry &quot;%1&quot;; choose another id, or first remove it with &quot;relaisctl vault remove %1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new empty vault, asking the passphrase twice on the terminal unless --passphrase-file or RELAIS_VAULT_PASSPHRASE gives it. An existing vault is never overwritten.
Testing aid: the environment variable RELAIS_VAULT_TEST_KDF_LOG2N (10 to 24) sets scrypt&apos;s log2 N for a fast, weaker vault; never use it for real secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl vault init [--vault FILE] [--passphrase-file FILE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vault already exists at %1; it was left as it is. Use it, remove it yourself, or choose another file with --vault FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RELAIS_VAULT_TEST_KDF_LOG2N must be a whole number from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the vault %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the entries of the vault: id, kind, label, created and updated (UTC). Never a secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl vault list [--json] [--vault FILE] [--passphrase-file FILE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault %1 has no entry; add one with &quot;relaisctl vault add&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPDATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LABEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a secret to the vault. The secret is read byte for byte from --file FILE, else from all of standard input (a final newline is kept: use printf, not echo, for a password); it is never printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry&apos;s id: 1 to 64 of a-z, 0-9, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kind of secret: ssh-private-key, password, api-token, tsig-key or tls-client-certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A description for people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the secret from FILE instead of standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl vault add ID --kind KIND --label LABEL [--file FILE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid id &quot;%1&quot;: use 1 to 64 of a-z, 0-9, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown kind &quot;%1&quot;: use ssh-private-key, password, api-token, tsig-key or tls-client-certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the secret file %1: %2; check its name and permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the secret, then Ctrl-D on a line of its own:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret from %1 is larger than %2 bytes; nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the secret from %1; nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret from %1 is empty; nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added &quot;%1&quot; (%2) to the vault %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove an entry from the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id of the entry to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl vault remove ID [--vault FILE] [--passphrase-file FILE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot; from the vault %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl vault init|list|add|remove [OPTIONS]
  vault init [--vault FILE] [--passphrase-file FILE]
  vault list [--json] [--vault FILE] [--passphrase-file FILE]
  vault add ID --kind KIND --label LABEL [--file FILE] [--vault FILE] [--passphrase-file FILE]
  vault remove ID [--vault FILE] [--passphrase-file FILE]
  vault passphrase [--new-passphrase-file FILE] [--vault FILE] [--passphrase-file FILE]
The passphrase comes from --passphrase-file, else from the environment variable RELAIS_VAULT_PASSPHRASE, else from a prompt.
&quot;relaisctl vault COMMAND --help&quot; describes each command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the vault&apos;s passphrase: the vault is opened with the current one, then encrypted again under the new one (new salt, new nonce); the previous file is kept as .bak. The new passphrase comes from --new-passphrase-file, else it is asked twice on the terminal (never from RELAIS_VAULT_PASSPHRASE). A key remembered on this computer no longer opens the vault afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the new passphrase from FILE (its first line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl vault passphrase [--new-passphrase-file FILE] [--vault FILE] [--passphrase-file FILE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed the passphrase of the vault %1 (the previous file is %1.bak).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Relais, the disaster-recovery console for small sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the site document FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the language CODE (en or fr) instead of the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CODE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::AboutDialog</name>
    <message>
        <source>About Relais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Relais %1&lt;/h2&gt;&lt;p&gt;The disaster-recovery console for small sites: health of main and backup, LXD snapshots and replication, rsync, DNS switching and measured failover drills.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::CanaryStepJob</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO now: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no sync job: no canary, RPO not measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No canary could be read on backup: RPO not measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The canary of &quot;%1&quot; could not be read on backup (%2); going on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clone mounts %1: the canary of &quot;%2&quot; is read on backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inside %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No canary of sync job &quot;%1&quot; %2 (%3): its data has not been copied yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canary of &quot;%1&quot; %2: %3 old.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::CertificateDialog</name>
    <message>
        <source>Unknown Server Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais has never connected to %1 over HTTPS before. Before trusting it, check that the certificate below is really the server&apos;s: anyone between you and the server could offer their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is self-signed, as LXD&apos;s own certificates are: only its fingerprint can tell it is the right one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To check it, run on the server itself (or ask its administrator):&lt;pre&gt;lxc info | grep certificate_fingerprint&lt;/pre&gt;and compare the fingerprint it prints with the one above (without the colons), character by character. If they differ, do not connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust and Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::ChangeReviewDialog</name>
    <message>
        <source>C&amp;ontinue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the dry run lists what would be copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n changed file(s) listed.</source>
        <translation>
            <numerusform>%n changed file listed.</numerusform>
            <numerusform>%n changed files listed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy these changes from backup to main?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::CloneProbeStepJob</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clone %1 is gone from backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for %1 to run with an address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clones run; the service has no HTTP or TCP probe to try on them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clones do not answer their probes yet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every clone answers its probes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::CommandStepJob</name>
    <message>
        <source>&quot;%1&quot; exited with status %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; exited with status %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::ContainerActionRunner</name>
    <message>
        <source>Checking the snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking a safety snapshot of the current state…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state before the restore is kept in the snapshot %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading main and backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloning the backup&apos;s copy into a staging instance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup pulls the container from main…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the new copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Putting the new copy in place…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the staging instance; the backup keeps its copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD cannot stop this once it has begun: it runs to its end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD cannot stop a restore once it has begun: it runs to its end. The safety snapshot keeps the state from before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new copy is being put in place: stopping now could leave the backup without a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replication is already stopping.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::ContainersView</name>
    <message>
        <source>Ca&amp;ncel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the vault to see the containers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock the vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Shut the container down cleanly (waits up to %n second(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Force stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill the container at once, without a clean shutdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore s&amp;napshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot sc&amp;hedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;plicate to backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H&amp;ost:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sna&amp;pshot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No LXD on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the containers of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stopping %1 (waiting up to %n second(s) for a clean shutdown)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Forcing %1 to stop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking the snapshot %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore %1 to its snapshot %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything written in %1 since that snapshot is replaced. Relais first takes a safety snapshot of the current state (kept 7 days), so this can be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring %1 to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the snapshot %1 of %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot cannot be brought back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the snapshot %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the snapshot settings of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the snapshot settings of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the snapshot settings of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot replicate %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replicating %1 to the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety snapshot: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the vault was locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you typed is kept: choose Snapshot schedule… again to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the view shows %1 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot settings of %1 were not saved: %2 What you typed is kept: choose Snapshot schedule… again to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot settings of %1 will be saved when the running action ends.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::CredentialDialog</name>
    <message>
        <source>Add a Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an SSH Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate an SSH Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main-ssh-key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How site documents refer to it: 1 to 64 of a-z, 0-9, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, starting with a letter or a digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key of the main server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from &amp;File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new ed25519 key is made and kept in the vault. Its public line is shown afterwards, to add to ~/.ssh/authorized_keys on the servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the Secret from a File</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n bytes read from %1.</source>
        <translation>
            <numerusform>%n byte read from %1.</numerusform>
            <numerusform>%n bytes read from %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The id must be 1 to 64 of a-z, 0-9, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, starting with a letter or a digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault already holds a credential with the id %1. Choose another id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the secret, or read it from a file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::CredentialsDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Key File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a password, token, TSIG key, key or certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep an existing SSH private key file in the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new ed25519 SSH key and keep it in the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the secret of the selected credential for 30 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected credential (Delete key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credentials cannot be listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an SSH Private Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an SSH private key Relais can use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 key from %2, fingerprint %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported. Its public line, for ~/.ssh/authorized_keys on the servers it opens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New ed25519 key kept in the vault. Add this line to ~/.ssh/authorized_keys on each server it should open:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret of %1 cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Secret of %1, hidden again in %n seconds or when the selection changes:</source>
        <translation>
            <numerusform>Secret of %1, hidden again in %n second or when the selection changes:</numerusform>
            <numerusform>Secret of %1, hidden again in %n seconds or when the selection changes:</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete a Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1” (%2) from the vault?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites that use it can no longer connect with it. This cannot be undone, except from the vault&apos;s .bak file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DashboardView</name>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No service is described in this site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Data loss at most %n minute(s) (RPO)</source>
        <translation>
            <numerusform>Data loss at most %n minute (RPO)</numerusform>
            <numerusform>Data loss at most %n minutes (RPO)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Back in service within %n minute(s) (RTO)</source>
        <translation>
            <numerusform>Back in service within %n minute (RTO)</numerusform>
            <numerusform>Back in service within %n minutes (RTO)</numerusform>
        </translation>
    </message>
    <message>
        <source>State changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Probes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS record %1 (%2, TTL %3 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>containers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no DNS record or container described</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DNS record is described for this service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → not checked: the service has no DNS probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → main (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → backup (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → neither side (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → unknown: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;rehearsal now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This site has no recovery plan (&quot;plan&quot; in its document).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearse the recovery plan on isolated clones on backup; production is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DnsCommand</name>
    <message>
        <source>no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service whose record is read or switched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown dns command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl dns show --site FILE SERVICE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main or backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIDE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl dns switch --site FILE SERVICE --to main|backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown side &quot;%1&quot;: use main or backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS record of service &quot;%1&quot; has no TSIG key (&quot;tsig&quot;) in the site: Relais only sends signed updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no service &quot;%1&quot; (it has: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS record of service &quot;%1&quot; has type %2; only A and AAAA records are switched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up each request after SECONDS (default: 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be a whole number of seconds from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the DNS provider of a service&apos;s record what it holds: the addresses, their TTL and the side (main or backup) they point to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the record of &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point a service&apos;s record to main or backup through its DNS provider. The record is read first: nothing is sent when it already points to that side, nothing is changed when it points to neither side. A planned switch lowers the TTL, waits the old TTL out, then changes the address; --emergency changes it at once. The change fails if the record changes meanwhile. Then each authoritative server (the site&apos;s &quot;verify&quot; list, else the zone&apos;s NS records) is asked until all answer the new address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the address at once, without lowering the TTL and waiting the old one out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TTL a planned switch sets first (default: 30, or the record&apos;s TTL if lower).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up verifying the authoritative servers after SECONDS (default: 120).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault with the provider&apos;s credentials (default: the site&apos;s &quot;vault&quot;, else %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot switch &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: this switch is not recorded in the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 at %3: %4, TTL %5, points to %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowering the TTL of %1 to %2 s first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL lowered; waiting for the old TTL to run out in caches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pointing %1 to %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the authoritative servers of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying at the authoritative servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) left before the address is changed.</source>
        <translation>
            <numerusform>%n second left before the address is changed.</numerusform>
            <numerusform>%n seconds left before the address is changed.</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 answers %2 (after %3 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The switch of %2 to %3 failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already switched: %1 %2 holds %3 (TTL %4), it points to %5; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched %1 %2 to %3 (%4), TTL %5: the provider confirmed in %6 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n server(s) answer the new address; converged in %1 ms.</source>
        <translation>
            <numerusform>Verified: %n server answers the new address; converged in %1 ms.</numerusform>
            <numerusform>Verified: %n servers answer the new address; converged in %1 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: relaisctl dns show|switch [OPTIONS]
  dns show --site FILE SERVICE
  dns switch --site FILE SERVICE --to main|backup [--emergency]
Both take --vault FILE and --passphrase-file FILE as &quot;relaisctl vault&quot; does (show needs the vault only for a failover IP).
&quot;relaisctl dns COMMAND --help&quot; describes each command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read where the failover IP of &quot;%1&quot; is routed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move the failover IP of &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving the failover IP %1 to %2&apos;s server %3 through the OVH API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  OVH task: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: this move is not recorded in the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The move of the failover IP %1 to %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already switched: the failover IP %1 is routed to %2 (%3); nothing was asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved the failover IP %1 from %2 to %3 (%4) in %5 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read where the failover IP %1 is routed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failover IP %1: routed to %2, points to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service &quot;%1&quot; has neither a DNS record nor a failover IP in the site.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DnsHistoryModel</name>
    <message>
        <source>main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already switched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DnsServerModel</name>
    <message>
        <source>no record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes, after %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DnsSwitchDialog</name>
    <message>
        <source>main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point %1 to %2? Users reach the %2 side as their resolvers pick up the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Planned: lower the TTL first, wait the old TTL (%1 s) out, then change the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Planned: lower the TTL first, wait the old TTL out, then change the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Emergency: change the address now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DnsSwitchStepJob</name>
    <message>
        <source>main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers %2 (after %3 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan has no drill record (&quot;drill_record&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill record cannot be the zone&apos;s apex: production lives there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill record %1 is the record of the service &quot;%2&quot;: a rehearsal never touches production.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pointing %1 at %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing %1 from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the authoritative servers of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying at the authoritative servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already points at %2: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 points at %2 (%3): the provider confirmed in %4 ms; %n server(s) answer it, converged in %5 ms.</source>
        <translation>
            <numerusform>%1 points at %2 (%3): the provider confirmed in %4 ms; %n server answer it, converged in %5 ms.</numerusform>
            <numerusform>%1 points at %2 (%3): the provider confirmed in %4 ms; %n servers answer it, converged in %5 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answers no address for %2 (after %3 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing drill record %1 (this drill created it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Putting drill record %1 back at %2 (%3), as it was before the drill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading drill record %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating drill record %1 → backup (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill record %1 exists and points at main (%2): moving it to backup (%3); it is put back at main afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill record %1 exists and already points at backup (%2); it is left so afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill record %1 holds an address Relais did not put there; it is never overwritten: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill record %1 does not exist: nothing to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Drill record %1 removed: the provider confirmed in %2 ms; %n server(s) no longer answer it, converged in %3 ms.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drill record %1 created, pointing at backup (%2): the provider confirmed in %3 ms; %n server(s) answer it, converged in %4 ms.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::DnsView</name>
    <message>
        <source>main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to &amp;backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to &amp;main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authoritative servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the record: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the record from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider holds no such record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points to %1 (%2), TTL %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot switch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the vault to switch: the provider&apos;s credentials are in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowering the TTL to %1 s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL lowered to %1 s; waiting for the old TTL to run out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pointing %1 to %2 (%3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the authoritative servers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for every authoritative server to answer %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>TTL lowered to %1 s; the address changes in %n second(s).</source>
        <translation>
            <numerusform>TTL lowered to %1 s; the address changes in %n second.</numerusform>
            <numerusform>TTL lowered to %1 s; the address changes in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Switch cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already switched: %1 points to %2; nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Switched to %1: %n server(s) answer %2, converged in %3 s.</source>
        <translation>
            <numerusform>Switched to %1: %n server answers %2, converged in %3 s.</numerusform>
            <numerusform>Switched to %1: %n servers answer %2, converged in %3 s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Failover IP %1: unlock the vault to see which server it is routed to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failover IP %1: cannot ask OVH where it is routed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failover IP %1: asking OVH where it is routed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failover IP %1: routed to %2, points to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No service of this site has a DNS record or a failover IP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DNS record: this service follows the active side by its failover IP (%1 for main, %2 for backup).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the failover IP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move the failover IP: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving the failover IP %1 to %2&apos;s server %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(OVH task: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move of the failover IP cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move of the failover IP failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already switched: the failover IP %1 is routed to %2 (%3); nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved the failover IP %1 to %2 (%3) in %4 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DrillHistoryModel</name>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (met)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (missed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DrillRunCommand</name>
    <message>
        <source>Resume the drill that was left unfinished (Relais stopped in the middle of it): the steps that succeeded are not run again, the others are, then the cleanups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean up after the drill that was left unfinished: only its pending cleanups run (clones and drill records removed); it then ends as cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a drill of the site&apos;s recovery plan now, each step live with its duration, then RTO and RPO against the targets. A rehearsal touches nothing in production; a failover or a failback asks for confirmation (--yes). Ctrl-C cancels; what the drill created is still cleaned up.
Exit status: 0 the drill succeeded, 1 it failed or was cancelled, 2 refused or usage error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the drill as JSON when it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not ask before a failover, a failback or a resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault with the SSH keys (default: the site&apos;s &quot;vault&quot;, else %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line); else from RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rehearsal (default), failover (planned when main answers, emergency when it is silent), planned-failover, emergency-failover or failback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fail over even though main still answers: NAME must be the site&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unfinished drill&apos;s number (default: the only one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[ID]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing --site FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no recovery plan (&quot;plan&quot; in its document).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the drill journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown mode &quot;%1&quot;: use rehearsal, failover, planned-failover, emergency-failover or failback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--force-split-brain must name the site exactly: &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the drill journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill #%1 (%2, started %3) was left unfinished. Resume it with &quot;relaisctl drill resume --site %4&quot; or clean up after it with &quot;relaisctl drill cleanup --site %4&quot; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking whether main still serves…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: main answers its probes right now. Failing over while it serves can leave both sides serving different data (split brain). To fail over anyway, add --force-split-brain &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main answers: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main is silent: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main still answered its probes; the failover was forced by naming the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 changes production: add --yes to run it without a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type yes to run this %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed; nothing was done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2: %n step(s)</source>
        <translation>
            <numerusform>%1 of %2: %n step</numerusform>
            <numerusform>%1 of %2: %n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>Notice: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unfinished drill %1 for this site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drill of this site was left unfinished; nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n drills were left unfinished: name one by its number.</source>
        <translation>
            <numerusform>%n drills were left unfinished: name one by its number.</numerusform>
            <numerusform>%n drills were left unfinished: name one by its number.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resuming drill #%1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleaning up after drill #%1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: the running step stops; what the drill created is still cleaned up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by --yes: copying these changes from backup to main.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying these changes from backup to main needs a confirmation: add --yes to give it without a terminal. The drill is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type yes to copy these changes from backup to main: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed: main is not changed; the drill is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, MISSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill #%1 %2: %3 in %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  RTO %1 (target %2 min%3), RPO %4 (target %5 min%6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Report: relaisctl drill report --site %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Told channel %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel %1 was not told: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DrillRunner</name>
    <message>
        <source>The step did not stop; abandoned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan has nothing to run in this mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drill journal cannot be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run: the drill was cleaned up instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The hook &quot;%1&quot; ran past its timeout of %n s.</source>
        <translation>
            <numerusform>The hook &quot;%1&quot; ran past its timeout of %n s.</numerusform>
            <numerusform>The hook &quot;%1&quot; ran past its timeout of %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The step ran past its timeout of %n s.</source>
        <translation>
            <numerusform>The step ran past its timeout of %n s.</numerusform>
            <numerusform>The step ran past its timeout of %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>The hook &quot;%1&quot; failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cleanup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cleanup failed too: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DrillStepModel</name>
    <message>
        <source>%1 (cleanup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for confirmation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DrillTimeline</name>
    <message>
        <source>Drill timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drill yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DrillTrendChart</name>
    <message>
        <source>Trend of RTO and RPO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 (met; target %n min)</source>
        <translation>
            <numerusform>%1 %2 (met; target %n min)</numerusform>
            <numerusform>%1 %2 (met; target %n min)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 (missed; target %n min)</source>
        <translation>
            <numerusform>%1 %2 (missed; target %n min)</numerusform>
            <numerusform>%1 %2 (missed; target %n min)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No finished drill yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n drill(s)</source>
        <translation>
            <numerusform>%n drill</numerusform>
            <numerusform>%n drills</numerusform>
        </translation>
    </message>
    <message>
        <source>from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n did not succeed.</source>
        <translation>
            <numerusform>%n did not succeed.</numerusform>
            <numerusform>%n did not succeed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: never measured (target %n min).</source>
        <translation>
            <numerusform>%1: never measured (target %n min).</numerusform>
            <numerusform>%1: never measured (target %n min).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: latest %2, target %n min, </source>
        <translation>
            <numerusform>%1: latest %2, target %n min, </numerusform>
            <numerusform>%1: latest %2, target %n min, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>missed by %n of %1 measured drill(s).</source>
        <translation>
            <numerusform>missed by %n of %1 measured drill.</numerusform>
            <numerusform>missed by %n of %1 measured drills.</numerusform>
        </translation>
    </message>
    <message>
        <source>target missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed or cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DrillView</name>
    <message>
        <source>&amp;Cancel drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;sume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal: isolated clones on backup, production untouched.
Planned failover: main answers; final sync and fencing included.
Emergency failover: main is silent; what needs it is skipped.
Failback: back to main after a failover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A drill did not finish: %1 started %2. Resume it, or clean up what it created?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run rehearsal now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fail over…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fail back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no recovery plan (&quot;plan&quot; in the site document).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume or clean up the unfinished drill first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recovery plan in this site: add a &quot;plan&quot; to its document to run drills.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drill running. Targets: RTO %1 min, RPO %2 min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2: %3 of %4 steps. RTO %5 (target %6 min), RPO %7 (target %8 min).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main still serves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failover not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name did not match; nothing was done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2: these %n steps will run.</source>
        <translation>
            <numerusform>%1 of %2: this step will run.</numerusform>
            <numerusform>%1 of %2: these %n steps will run.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a drill or choose one in the history first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the drill report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the drill report as HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML documents (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for your confirmation to copy the reviewed changes from backup to main.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Automatic failover: main was down from the console since %1 and from backup for the dead time (%n second(s)); RTO counts from the detection.</source>
        <translation>
            <numerusform>Automatic failover: main was down from the console since %1 and from backup for the dead time (%n second); RTO counts from the detection.</numerusform>
            <numerusform>Automatic failover: main was down from the console since %1 and from backup for the dead time (%n seconds); RTO counts from the detection.</numerusform>
        </translation>
    </message>
    <message>
        <source>Main may still serve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main answers its probes right now. Failing over while it serves can leave both sides serving different data (split brain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais does not know whether main serves: its probes have not answered yet, or the site has none. Failing over while it serves can leave both sides serving different data (split brain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fail over anyway, type the site&apos;s name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main still answered its probes; the failover was forced by naming the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether main served was not known; the failover was forced by naming the site.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::FailoverIpStepJob</name>
    <message>
        <source>OVH task: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving the failover IP %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The failover IP %1 was not moved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The failover IP %1 was already routed to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The failover IP %1 is routed to %2 (was %3), in %4 ms.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::HealthCommand</name>
    <message>
        <source>Check the health of a site&apos;s hosts and services.
Exit status: 0 when both hosts are up, 1 when one is down or degraded, 2 on error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every probe once and exit (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep checking and print every change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON (see docs/health-json.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --watch: stop after SECONDS, print a summary and exit with the hosts&apos; status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl health --site FILE [--once] [--json] [--watch]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--once and --watch exclude each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--duration needs --watch and a whole number of seconds (1 or more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: invalid site document: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no probe to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some probes did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watched %1 probes: %2 checks, %3 skipped (still running), worst timer lag %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: DNS points to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: DNS points to neither side (or is not checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (flapping)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For lxd probes: the vault with the SSH keys (default: the site&apos;s &quot;vault&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For lxd probes: read the vault passphrase from FILE (else from RELAIS_VAULT_PASSPHRASE; without either, lxd probes report the vault locked).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::HealthEventModel</name>
    <message>
        <source>Host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::HostCard</name>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (public %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1@%2 port %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, through %2@%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>socket %1 through SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (certificate pinned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: no site open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Up: %n probe(s) answer</source>
        <translation>
            <numerusform>Up: %n probe answers</numerusform>
            <numerusform>Up: %n probes answer</numerusform>
        </translation>
    </message>
    <message>
        <source>Degraded: %1 of %2 probes fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down: no probe answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: no probe checks this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: waiting for enough checks to decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2; the last check failed — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (flapping)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::HostKeyDialog</name>
    <message>
        <source>Unknown Host Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais has never connected to %1 before. Before trusting it, check that the key below is really the server&apos;s: anyone between you and the server could offer their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This host is reached through a jump host: the connection to it passes through that other server first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To check it, run on the server itself (or ask its administrator):&lt;pre&gt;ssh-keygen -lf %1&lt;/pre&gt;and compare the SHA256 fingerprint it prints with the one above, character by character. If they differ, do not connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust and Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::InstanceTableModel</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This container has no snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, taken %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never replicated to the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last replicated to the backup on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::LockStepJob</name>
    <message>
        <source>Failed over to backup: replication to backup is locked until failback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication main → backup locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication main → backup unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked by a Relais failover on %1 (UTC); the failback removes this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication is locked in Relais, but backup could not be marked (%1): a job installed on main could still copy to backup. Remove it there (relaisctl sync install --remove) or retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup&apos;s replication lock could not be removed (%1); replication stays locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup refuses main → backup copies (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup accepts main → backup copies again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::LxdActionCommand</name>
    <message>
        <source>  relaisctl lxd start --site FILE HOST INSTANCE
  relaisctl lxd stop|restart --site FILE [--timeout S] [--force] HOST INSTANCE
  relaisctl lxd snapshot --site FILE [--expiry DURATION] HOST INSTANCE [NAME]
  relaisctl lxd snapshots --site FILE [--json] HOST INSTANCE
  relaisctl lxd restore --site FILE HOST INSTANCE SNAPSHOT
  relaisctl lxd delete-snapshot --site FILE HOST INSTANCE SNAPSHOT
  relaisctl lxd snapshot-settings --site FILE [--schedule CRON] [--expiry DURATION]
                                  [--pattern PATTERN] HOST INSTANCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act on one LXD instance of main or backup through SSH. A restore first takes a safety snapshot (relais-before-restore-…, kept 7 days) so it can be undone. Ctrl-C cancels the running LXD operation when LXD allows it.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault with the SSH keys (default: the site&apos;s &quot;vault&quot;, else %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line); else from RELAIS_VAULT_PASSPHRASE, else from the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snapshots, snapshot-settings: print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop, restart: seconds to wait for a clean shutdown (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop, restart: stop at once, not cleanly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snapshot: delete the snapshot after DURATION (7d, 12h, 2w…); snapshot-settings: snapshots.expiry (&quot;&quot; removes it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snapshot-settings: snapshots.schedule, cron or @daily (&quot;&quot; removes it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snapshot-settings: snapshots.pattern (&quot;&quot; removes it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATTERN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main or backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown host &quot;%1&quot;: use main or backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--expiry takes a duration such as 7d, 12h or 2w.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site gives %1 no LXD endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarted %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted snapshot %1 of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took snapshot %1 of %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD deletes it at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking a safety snapshot of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring %1 to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took the safety snapshot %1 of %2 on %3 (LXD deletes it at %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may be partly restored; the safety snapshot %2 holds its state from before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 on %2 to snapshot %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To go back: relaisctl lxd restore --site %1 %2 %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the snapshot settings of %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 has no snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snapshots.schedule  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snapshots.expiry    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snapshots.pattern   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted: cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No LXD operation was running yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD cancelled operation %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD could not cancel operation %1 (%2); it goes on on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH host key of %1 is not trusted yet; check it and run &quot;relaisctl ssh trust&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (SSH: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 on %3 failed: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the LXD of %1: %2; run &quot;relaisctl lxd trust&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LXD certificate of %1 is not trusted yet (SHA-256 %2); check it and run &quot;relaisctl lxd trust&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::LxdCommand</name>
    <message>
        <source>Unknown lxd command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the LXD instances of the site&apos;s hosts (or of HOST: main or backup) with their status, addresses and snapshots, read through SSH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault with the SSH keys (default: the site&apos;s &quot;vault&quot;, else %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main or backup (default: both).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl lxd list --site FILE [--json] [HOST]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown host &quot;%1&quot;: use main or backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the site gives this host no LXD endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SSH host key of %1 is not trusted yet; check it and run &quot;relaisctl ssh trust&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (SSH: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot list the instances: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s), newest %1 at %2</source>
        <translation>
            <numerusform>%n snapshot, newest %1 at %2</numerusform>
            <numerusform>%n snapshots, newest %1 at %2</numerusform>
        </translation>
    </message>
    <message>
        <source>no snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:
  relaisctl lxd list --site FILE [--json] [HOST]
%1
Each takes --vault FILE and --passphrase-file FILE as &quot;relaisctl vault&quot; does; &quot;relaisctl lxd ACTION --help&quot; describes one. Exit status: 0 done, 1 the LXD operation failed, 2 usage or configuration error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  relaisctl lxd replicate --site FILE INSTANCE
  relaisctl lxd trust --site FILE HOST --token-file FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the LXD certificate of %1 is not trusted yet (SHA-256 %2); check it and run &quot;relaisctl lxd trust&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; run &quot;relaisctl lxd trust&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::LxdInstancesStepJob</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no container &quot;%1&quot; to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no container &quot;%1&quot; here: nothing to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no container &quot;%1&quot; to snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no copy of &quot;%1&quot; to clone on this host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the leftover %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the leftover %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloning %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed (%2); forcing it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::LxdProbe</name>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; copy age unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; never replicated to the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; backup copy %1 min old (limit %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach the LXD of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection to the LXD of %1 (the vault is locked)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::LxdReplicateCommand</name>
    <message>
        <source>Replicate the container INSTANCE from main to backup: the backup&apos;s LXD pulls it from main&apos;s LXD (incrementally when the backup has a copy), and the backup keeps its current copy until the new one is complete. The copy stays stopped and does not start at boot. Ctrl-C cancels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault with the SSH keys (default: the site&apos;s &quot;vault&quot;, else %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the backup reaches main&apos;s LXD (default: the address main&apos;s LXD listens on, core.https_address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up after SECONDS (default 3600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container to replicate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl lxd replicate --site FILE INSTANCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: the replication will not be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading main and backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloning the backup&apos;s copy into a staging instance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup pulls the instance from main…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the new copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Putting the new copy in place…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the staging instance; the backup keeps its copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling (Ctrl-C again to quit at once)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshed the copy of %1 on backup in %2 s (transfer %3 s, %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1 to backup in %2 s (transfer %3 s, %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH host key of %1 is not trusted yet; check it and run &quot;relaisctl ssh trust&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication of %1 cancelled; the backup keeps its previous copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication of %1 failed; the backup keeps its previous copy: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 host has no LXD endpoint (&quot;lxd&quot; of the host).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the LXD of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LXD certificate of %1 is not trusted yet (SHA-256 %2); check it and run &quot;relaisctl lxd trust&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size not reported by LXD</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::LxdTrustCommand</name>
    <message>
        <source>Usage: relaisctl lxd trust --site FILE HOST (--token-file FILE | --password-file FILE) [--url https://ADDRESS:PORT] [--accept-certificate SHA256] [--certificate-id ID]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the LXD daemon of HOST (main or backup) trust this console over HTTPS, with a trust token from &quot;lxc config trust add&quot; or the server&apos;s trust password. The client certificate is kept in the vault; the server&apos;s certificate is pinned; the site is set to reach LXD over HTTPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the trust token from FILE (its first line; - for standard input).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the server&apos;s trust password (core.trust_password, LXD 5.0) from FILE (its first line; - for standard input).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LXD address (default: the site&apos;s, else https://HOST-ADDRESS:8443).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust the server&apos;s certificate if it has this SHA-256 fingerprint (needed with a trust password, or a token that names no certificate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault id of the client certificate (default: the site&apos;s, else %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault (default: the site&apos;s &quot;vault&quot;, else %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main or backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown host &quot;%1&quot;: use main or backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LXD address must look like https://ADDRESS:PORT, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate fingerprint must be 64 hexadecimal digits (pairs may be separated by colons), as &quot;openssl x509 -fingerprint -sha256&quot; prints it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the trust token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a vault id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault entry %1 is not a TLS client certificate; choose another id with --certificate-id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the vault entry %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD client certificate (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the new client certificate in the vault %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New LXD client certificate %1 saved in the vault as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LXD certificate of %1 is not trusted yet: SHA-256 %2 (%3). Nothing was sent. Check this fingerprint on the server (lxc info | grep certificate_fingerprint) and, if it matches, run again with
  --accept-certificate %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD at %1 did not trust this console: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD at %1 already trusts this console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD at %1 now trusts this console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server certificate pinned: SHA-256 %1 (in %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot update the site %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site %1 now reaches the LXD of %2 over HTTPS.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::MainVantageProbe</name>
    <message>
        <source>Backup could not be asked whether main answers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup could not check main&apos;s ports (exit status %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::MainWindow</name>
    <message>
        <source>Relais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site is open. Open a site document to see its main and backup hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open a site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Relais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Relais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in lab site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site documents (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>…and %n more (see the details).</source>
        <translation>
            <numerusform>…and %n more (see the details).</numerusform>
            <numerusform>…and %n more (see the details).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every probe of the site now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No history of state changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais keeps watching the site, but the changes it sees are not kept after it quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing quits Relais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no system tray, so Relais cannot keep watching the site once its window is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the window open (it may be minimised) to be told when main or backup changes state. This is said only once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit Relais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep SSH keys, passwords and tokens in the encrypted vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the vault&apos;s key until the passphrase is typed again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;NS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;rills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO %1 (target %2 min), RPO %3 (target %4 min).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: state unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main answers from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console cannot reach main, but backup can: no automatic failover (the console&apos;s own network may be at fault).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the vault has not been unlocked since Relais started, so backup cannot be asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic failover is on; backup is the active side now, so it waits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic failover is on, but it cannot act until the vault has been unlocked once since Relais started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Automatic failover is on: after %n second(s) with main down from the console and from backup.</source>
        <translation>
            <numerusform>Automatic failover is on: after %n second with main down from the console and from backup.</numerusform>
            <numerusform>Automatic failover is on: after %n seconds with main down from the console and from backup.</numerusform>
        </translation>
    </message>
    <message>
        <source>Main is down from the console since %1; asking backup whether it sees main down too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Main is down from the console and from backup: automatic failover in %n second(s).</source>
        <translation>
            <numerusform>Main is down from the console and from backup: automatic failover in %n second.</numerusform>
            <numerusform>Main is down from the console and from backup: automatic failover in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Main is down from the console and from backup, but automatic failover cannot act now (a drill runs, backup is already active, or the vault was never unlocked).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic failover started: main down since %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic failover</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Main has been down from the console and from backup for %n second(s): failing over to backup.</source>
        <translation>
            <numerusform>Main has been down from the console and from backup for %n second: failing over to backup.</numerusform>
            <numerusform>Main has been down from the console and from backup for %n seconds: failing over to backup.</numerusform>
        </translation>
    </message>
    <message>
        <source>The failover could not start (a drill runs or one is unfinished): fail over by hand from the Drills tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification channel %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Containers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::NewSnapshotDialog</name>
    <message>
        <source>&amp;Delete it automatically after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New snapshot of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take snapshot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::NotifyCommand</name>
    <message>
        <source>Unknown notify command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test message to each of the site&apos;s notification channels (or to those named) and print what each one answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault with the channels&apos; secrets (default: the site&apos;s &quot;vault&quot;, else %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A channel&apos;s name (default: every channel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing --site FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no notification channel named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no notification channel (&quot;notifications&quot; in its document).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a test of the notification channels of site &quot;%1&quot;. If you read it, Relais can reach you here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: FAILED: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::ProbeTableModel</name>
    <message>
        <source>%1 (at %2, since answered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <comment>no host: the probe checks the service</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steady</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This probe checks the service as a whole, not one host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::RefreshStepJob</name>
    <message>
        <source>preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloning the current copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transferring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapping in the new copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cleaning up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No LXD connection to both hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: refreshed in %2 s (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: first copy in %2 s (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size not reported by LXD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the instance it replaced is kept, stopped, as %2; delete it once the failback is confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::RehearsalBadge</name>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (met)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (missed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the drills: history, trend of RTO and RPO, run a rehearsal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recovery plan to rehearse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rehearsal yet — time to run one</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last good rehearsal %n day(s) ago — time to run one</source>
        <translation>
            <numerusform>Last good rehearsal %n day ago — time to run one</numerusform>
            <numerusform>Last good rehearsal %n days ago — time to run one</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Last good rehearsal: %1 — RTO %2, RPO %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last good rehearsal</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A good rehearsal is a rehearsal that succeeded: every step ran and its clones were removed. A reminder comes when the last one is older than %n day(s).</source>
        <translation>
            <numerusform>A good rehearsal is a rehearsal that succeeded: every step ran and its clones were removed. A reminder comes when the last one is older than %n day.</numerusform>
            <numerusform>A good rehearsal is a rehearsal that succeeded: every step ran and its clones were removed. A reminder comes when the last one is older than %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::RehearsalReminder</name>
    <message>
        <source>No good rehearsal yet on %1: run one from the tray menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No good rehearsal for %n day(s) on %1: run one from the tray menu</source>
        <translation>
            <numerusform>No good rehearsal for %n day on %1: run one from the tray menu</numerusform>
            <numerusform>No good rehearsal for %n days on %1: run one from the tray menu</numerusform>
        </translation>
    </message>
    <message>
        <source>Time to rehearse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::ReplicationKeyDialog</name>
    <message>
        <source>&amp;Set Up Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Up the Replication Key of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forward: the key of the job&apos;s runs (main → backup), %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reverse: the key of failback&apos;s copy back (backup → main), %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a job with exactly one source can copy back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file the SSH server of %1 reads the authorized keys from; change it only when its sshd reads another one (AuthorizedKeysFile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;authorized_keys on %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set-up progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais makes a new ed25519 key on %1 (%2), the host that starts the copies: %3, readable only by its owner, and %4 with the SSH key of %5 as Relais trusts it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On %1 (%2), its public half goes into %3, restricted to: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line of this job&apos;s previous key there is replaced; every other line stays. rrsync must be installed on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no session to the hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replication key of %1 was not set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the hosts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replication key %1 is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key: %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorized in %1 on %2, for rrsync on the job&apos;s paths only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set Up Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The set-up was cancelled. A step already done on a host stays done: set the key up again before the job&apos;s next run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais could not reach a host over SSH, or does not trust the other host&apos;s key yet. Check both hosts on the Dashboard (trust the key when asked), then set the key up again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host refused a step of the set-up; the details say which and why. Fix it (install rrsync, or give the authorized_keys file its sshd reads), then set the key up again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::ReplicationKeySetup</name>
    <message>
        <source>the other host&apos;s SSH key is not trusted yet; trust it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no session to the hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the replication key&apos;s set-up was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot run the set-up command on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking that rrsync is installed on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rrsync is not installed on %1 (Debian&apos;s rsync package ships it from 3.2.3 on); the replication key cannot be restricted without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais trusts no SSH key of %1 on port %2 yet; connect to it and trust its key first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing the new key on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot install the replication key on the initiating host: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorizing the key in %1 on %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot authorize the replication key on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::ReverseSyncStepJob</name>
    <message numerus="yes">
        <source>The sync job %1 has %n source(s): only a job with one source can be synced back from backup to main.</source>
        <translation>
            <numerusform>The sync job %1 has %n source: only a job with one source can be synced back from backup to main.</numerusform>
            <numerusform>The sync job %1 has %n sources: only a job with one source can be synced back from backup to main.</numerusform>
        </translation>
    </message>
    <message>
        <source>No database: the time of the failover (the replication lock) is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication from main to backup is not locked: there was no failover to fail back from, so nothing is synced back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync job %1, backup to main: changes since the failover at %2 (UTC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more change(s).</source>
        <translation>
            <numerusform>… and %n more change.</numerusform>
            <numerusform>… and %n more changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from backup to main.</source>
        <translation>
            <numerusform>%n change from backup to main.</numerusform>
            <numerusform>%n changes from backup to main.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session to main.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the files main changed since the failover (exit status %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed on both sides: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Main changed %n file(s) since the failover that the sync from backup would overwrite or delete: %1. Nothing was copied; reconcile these files by hand, then fail back again.</source>
        <translation>
            <numerusform>Main changed %n file since the failover that the sync from backup would overwrite or delete: %1. Nothing was copied; reconcile these files by hand, then fail back again.</numerusform>
            <numerusform>Main changed %n files since the failover that the sync from backup would overwrite or delete: %1. Nothing was copied; reconcile these files by hand, then fail back again.</numerusform>
        </translation>
    </message>
    <message>
        <source>No file changed on both sides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 back to main: %2 (%3 files in %4 s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::Rfc2136Provider</name>
    <message>
        <source>RFC 2136</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::SequenceStepJob</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::ServiceCheckStepJob</name>
    <message>
        <source>no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for every authoritative server to answer %1 for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server to check %1 at: the site lists none (&quot;verify&quot;) and the provider has no server to ask for the zone&apos;s name servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot find the name servers of %1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no NS record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No address found for the name servers of %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gives no answer (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers %2 (after %3 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The service answers its %n probe(s) (after %1 ms).</source>
        <translation>
            <numerusform>The service answers its %n probe (after %1 ms).</numerusform>
            <numerusform>The service answers its %n probes (after %1 ms).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every authoritative server (%n) answers %1 for %2: converged in %3 ms.</source>
        <translation>
            <numerusform>Every authoritative server (%n) answers %1 for %2: converged in %3 ms.</numerusform>
            <numerusform>Every authoritative server (%n) answers %1 for %2: converged in %3 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::SiteConnections</name>
    <message>
        <source>The site gives no LXD daemon for %1 (&quot;lxd&quot; of the host).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LXD endpoint of %1 was not read from the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault entry &quot;%1&quot; was not read when these connections were opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::SnapshotSettingsDialog</name>
    <message>
        <source>Scheduled snapshots of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (for example @daily or 0 */6 * * *)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never (for example 2w or 1d 12H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD&apos;s default (snap%d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD takes these snapshots itself. An empty field removes the setting from the container; its profile&apos;s value then applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Schedule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name pattern:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (from a profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are the values you typed before; they are not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::SnapshotTimeline</name>
    <message>
        <source>Snapshot timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No container selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s) of %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1
taken %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a container to see its snapshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No snapshot of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::Sparkline</name>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency: no check yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last %n minute(s): </source>
        <translation>
            <numerusform>Last minute: </numerusform>
            <numerusform>Last %n minutes: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check(s)</source>
        <translation>
            <numerusform>%n check</numerusform>
            <numerusform>%n checks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message>
        <source>latency %1–%2 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::SshCommand</name>
    <message>
        <source>The vault %1 has no SSH key &quot;%2&quot; (%3); add it with &quot;relaisctl vault add %2 --kind ssh-private-key&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl ssh exec|trust [OPTIONS]
  ssh exec --site FILE [--timeout SECONDS] HOST -- COMMAND...
  ssh trust --site FILE HOST --fingerprint SHA256:...
HOST is main or backup. Both take --vault FILE and --passphrase-file FILE as &quot;relaisctl vault&quot; does.
&quot;relaisctl ssh COMMAND --help&quot; describes each command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown ssh command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main or backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run COMMAND on a host of the site over SSH. Its standard output and error come to ours, and its exit status is ours. An unknown host key is refused: check its fingerprint and trust it with &quot;relaisctl ssh trust&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command and its arguments, after --.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the command after SECONDS (default: no limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl ssh exec --site FILE [--timeout SECONDS] HOST -- COMMAND...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout must be a whole number of seconds from 1 to 86400.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a host of the site and trust its SSH host key, only if its fingerprint is the one given (compare with ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the host). A key that differs from the trusted one is always refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key&apos;s fingerprint, SHA256:...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FINGERPRINT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl ssh trust --site FILE HOST --fingerprint SHA256:...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fingerprint must look like SHA256:... as ssh-keygen -l prints it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 was already trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted the host key %1 of %2 in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown host &quot;%1&quot;: use main or backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no vault at %1. Create one with &quot;relaisctl vault init&quot;, or choose the file with --vault FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the vault %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 is not trusted yet: %2 %3. Nothing was run. Check this fingerprint on the host (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then run:
  relaisctl ssh trust --site %4 %5 --fingerprint %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 is %2 %3, not %4; it was NOT trusted. Check the fingerprint on the host and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH error on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault with the SSH keys (default: the site&apos;s &quot;vault&quot;, else %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::SyncCommand</name>
    <message>
        <source>Unknown sync command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON (status).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault with the SSH keys (default: the site&apos;s &quot;vault&quot;, else %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the job&apos;s replication key is on the initiating host (default ~/.ssh/relais-sync).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>install: use a systemd timer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>install: use a cron entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>install: remove the installed job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync job&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose --systemd or --cron, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no sync job &quot;%1&quot; (its jobs: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2%  %3/s  ETA %4  </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run could not be kept in the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync job %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3 files, %4 sent in %5 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the initiating host: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync job %1 removed from its host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither systemd nor cron runs on the initiating host; install one, or write the files anyway with --systemd or --cron.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot install the job %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing the job failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync job %1 installed as the systemd timer %2.timer; its runs go to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync job %1 installed as %2; its runs go to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO now: %1 min (target %2 min)%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — over target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO now: unknown (no canary on backup yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed: the run due at %1 did not happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last runs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2%3  %4 files  %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (dry run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the canary on backup: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl sync run|dry-run|status|install|setup-key --site FILE JOB
Takes --vault FILE and --passphrase-file FILE as &quot;relaisctl vault&quot; does. &quot;relaisctl sync run --help&quot; describes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run: one run of the sync job JOB (hooks, canary, rsync between the hosts, retries), kept in the history. dry-run: list what a run would change, changing nothing. status: the job&apos;s last runs, next run, direction lock and RPO (age of the canary on backup) against the site&apos;s target. install: put the job on its initiating host (a systemd timer, else a cron entry) so it runs with no console open. setup-key: make the job&apos;s replication key, its private half on the initiating host and its public half on the other host, confined to rsync on the job&apos;s paths.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setup-key: the key of the reverse flow (failback, backup to main).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl sync run|dry-run|status|install|setup-key --site FILE [--json] JOB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the direction lock: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication main → backup is locked (%1); the job is not installed. Fail back first, which unlocks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais trusts no host key of %1 yet; check it and run &quot;relaisctl ssh trust&quot; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set up the replication key of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setup-key: the other host&apos;s authorized_keys file, when its sshd reads another one (default ~/.ssh/authorized_keys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication key %1 set up: its private half in %2 on %3, its public half in %4 on %5, confined to: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run&apos;s totals:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transferred %1 of %2 files (%3 of %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created %1, deleted %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>literal data %1, matched data %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent %1, received %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped: the host&apos;s start at %1 found a run of the job still going</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::SyncConsole</name>
    <message>
        <source>Sync job %1 missed a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run due at %1 did not start: the backup&apos;s copy grows older than planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replication main → backup is locked (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the vault is locked: unlock it to run sync jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the site has no sync job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection to the hosts: unlock the vault to set up the key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::SyncRunChart</name>
    <message>
        <source>Duration and bytes per run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), %1 failed; longest %2 s, largest %3.</source>
        <translation>
            <numerusform>%n run, %1 failed; longest %2 s, largest %3.</numerusform>
            <numerusform>%n runs, %1 failed; longest %2 s, largest %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::SyncRunDetails</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals of the selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes of the selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsync flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsync&apos;s totals were not recorded for this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred: %1 of %2 files (%3 of %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created: %1, deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Literal data: %1, matched data: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: %1, received: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hard link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s); their list is not kept (a run of the job installed on its host, or an older run).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %1 changes are listed; %n more were not kept.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select a run to see its totals and changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::SyncRunJob</name>
    <message numerus="yes">
        <source>%1 (after %n attempts)</source>
        <translation>
            <numerusform>%1 (after %n attempt)</numerusform>
            <numerusform>%1 (after %n attempts)</numerusform>
        </translation>
    </message>
    <message>
        <source>replication from main to backup is locked (%1); nothing was copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the job has %1 sources: only a job with one source can be synced back from backup to main; nothing was copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run of job %1 is already in progress on %2 (started by its schedule on the host, or from another console); try again when it ends. Nothing was copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled while waiting to retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no session to run the hook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled during a hook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pre-sync hook &quot;%1&quot; did not complete: %2; nothing was copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pre-sync hook &quot;%1&quot; exited with status %2; nothing was copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no session to main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit status %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the RPO canary on main (%1); nothing was copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no session to the initiating host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it did not finish within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the command ended with status %1 before the canary was written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled during the transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsync could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 [after %n attempts]</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>attempt %1 of %2 failed: %3; retrying in %4 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::SyncStepJob</name>
    <message>
        <source>%1  %2 %  %3/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync job %1, main to backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1 failed (%2); retrying in %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run could not be kept in the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3 files, %4 transferred in %5 s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::SyncView</name>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dr&amp;y Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected job&apos;s changes to the backup now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List what the selected job would change, without changing anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected job&apos;s run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the dry run would change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs of the selected job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run history</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>every %n minute</numerusform>
            <numerusform>every %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>daily at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded with a warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication main → backup is locked since %1: %2 Jobs from main to backup do not run until failback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push from main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pull by backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never run</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n file, %1</numerusform>
            <numerusform>%n files, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (target %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup&apos;s copy is older than the site&apos;s RPO target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked since %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication main → backup is locked until failback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s, ETA %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing would change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not run: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Up &amp;Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a sync job first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the vault first (Tools ▸ Credentials…): the key is set up with the site&apos;s SSH keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the selected job&apos;s replication key on the host that starts its copies and authorize it on the other host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still running on its host at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::TrayIcon</name>
    <message>
        <source>&amp;Open Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais — no site open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — main: %2, backup: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is down: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is degraded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: state unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relais keeps watching the site from here. Use Quit in this menu to stop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;Rehearsal Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearse the site&apos;s recovery plan on isolated clones; production is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open site has no recovery plan (&quot;plan&quot; in its document) to rehearse.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::UnlockDialog</name>
    <message>
        <source>&amp;Remember on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no vault yet. Choose a passphrase to create one at %1; it encrypts every credential Relais keeps. Nobody can recover it for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase of the vault %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the vault&apos;s key in this computer&apos;s keychain (Secret Service), so that Relais opens the vault without asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too short: at least %n characters.</source>
        <translation>
            <numerusform>Too short: at least %n character.</numerusform>
            <numerusform>Too short: at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: add words, or mix letters, digits and signs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair: a few more words would make it strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The passphrase is too short: use at least %n characters.</source>
        <translation>
            <numerusform>The passphrase is too short: use at least %n character.</numerusform>
            <numerusform>The passphrase is too short: use at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase of the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for a key remembered on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain answered on this computer (no Secret Service such as GNOME Keyring or KWallet is running), so the vault cannot be remembered here. Type the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking the vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key remembered on this computer no longer opens the vault. Type the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remembering the vault on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is unlocked but could not be remembered on this computer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::VaultEntryModel</name>
    <message>
        <source>SSH private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TSIG key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relaisctl</name>
    <message>
        <source>Unknown command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
DNS commands:
  dns show --site FILE SERVICE
                     What the server of a service&apos;s record answers, and its side.
  dns switch --site FILE SERVICE --to main|backup
                     Point the record to a side (RFC 2136, TSIG key from the vault).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl [--lang CODE] COMMAND [ARGUMENTS]

Relais on the command line: the disaster-recovery console for small sites.

Commands:
  site check FILE    Check a site document; list every problem with its path.
  site import-ssh --main ALIAS --backup ALIAS [--ssh-config FILE] SITE
                     Build the site&apos;s hosts from ~/.ssh/config; keys go to the vault.
  health --site FILE [--once] [--json] [--watch]
                     Health of each probe, host and the site.
  vault init|list|add|remove [--vault FILE] [--passphrase-file FILE]
                     Manage the encrypted vault of secrets; the passphrase
                     comes from --passphrase-file, RELAIS_VAULT_PASSPHRASE
                     or a prompt. &quot;relaisctl vault --help&quot; for details.
  ssh exec --site FILE [--timeout SECONDS] HOST -- COMMAND...
                     Run a command on main or backup; its exit status is ours.
  ssh trust --site FILE HOST --fingerprint SHA256:...
                     Trust a host&apos;s SSH key if it has this fingerprint.
  lxd list --site FILE [--json] [HOST]
                     The containers of main and backup, with their snapshots.
  lxd replicate --site FILE INSTANCE
                     Copy a container to the backup (incremental; the backup
                     keeps its copy until the new one is complete).

Options:
  -h, --help         Show this help.
  -v, --version      Show the version.
  --lang CODE        Use the language CODE (en or fr).

Exit status: 0 success, 1 something checked is down, 2 error.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
LXD over HTTPS:
  lxd trust --site FILE HOST --token-file FILE
                     Make a host&apos;s LXD trust this console (token from &quot;lxc config
                     trust add&quot;); its certificate is pinned.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
LXD actions:
  lxd start|stop|restart|snapshot|snapshots|restore|delete-snapshot|
      snapshot-settings --site FILE HOST INSTANCE ...
                     Act on one container; a restore first takes a safety
                     snapshot. &quot;relaisctl lxd --help&quot; for details.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Drill commands:
  drill plan --site FILE [--mode MODE] [--json]
                     The steps a drill of the site&apos;s plan would run.
  drill run --site FILE [--mode MODE] [--yes] [--json]
                     Run a drill now (rehearsal by default; Ctrl-C
                     cancels, the cleanups still run); its end goes to
                     the site&apos;s notification channels.
  drill resume|cleanup --site FILE [ID]
                     Resume, or clean up after, a drill left unfinished.
  drill history --site FILE [--limit N] [--json]
                     Past drills with their RTO and RPO.
  drill report --site FILE ID [--html FILE] [--pdf FILE]
                     One drill&apos;s report as HTML or PDF.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Notifications:
  notify test --site FILE [CHANNEL...]
                     Send a test message to each channel and print its result.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Sync commands:
  sync run|dry-run --site FILE JOB
                     Run a sync job now (Ctrl-C cancels), or list what it would
                     change.
  sync status --site FILE [--json] JOB
                     Last runs, next run, direction lock, RPO against target.
  sync install --site FILE [--systemd|--cron] [--remove] JOB
                     Install the job on its initiating host (timer or cron).
  sync setup-key --site FILE [--reverse] JOB
                     Make the job&apos;s replication key, confined to rsync on the
                     job&apos;s paths (--reverse: the failback key).
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
