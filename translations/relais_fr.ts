<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>DrillCloneRequest</name>
    <message>
        <source>%1: proxy device "%2" left out (%3).</source>
        <translation>%1 : périphérique proxy « %2 » écarté (%3).</translation>
    </message>
    <message>
        <source>%1: network device "%2" on %3 without the copy's fixed addresses.</source>
        <translation>%1 : périphérique réseau « %2 » sur %3, sans les adresses fixes de la copie.</translation>
    </message>
    <message>
        <source>%1: network device "%2" (%3) left out: backup has no LXD bridge without outside interfaces, so the clone has no network.</source>
        <translation>%1 : périphérique réseau « %2 » (%3) écarté : backup n’a aucun pont LXD sans interface extérieure, le clone n’a donc pas de réseau.</translation>
    </message>
    <message>
        <source>%1: network device "%2" moved from %3 to the isolated bridge %4.</source>
        <translation>%1 : périphérique réseau « %2 » déplacé de %3 vers le pont isolé %4.</translation>
    </message>
</context>
<context>
    <name>DrillCommand</name>
    <message>
        <source>The site document.</source>
        <translation>Le document de site.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Missing --site FILE.</source>
        <translation>--site FICHIER manquant.</translation>
    </message>
    <message>
        <source>Cannot open the drill journal: %1</source>
        <translation>Impossible d’ouvrir le journal de l’exercice : %1</translation>
    </message>
    <message>
        <source>Unknown drill command: %1</source>
        <translation>Commande d’exercice inconnue : %1</translation>
    </message>
    <message>
        <source>Show the steps a drill of the site's recovery plan would run, in order, and the decisions taken. Nothing is run.</source>
        <translation>Afficher les étapes qu’exécuterait un exercice du plan de reprise du site, dans l’ordre, et les décisions prises. Rien n’est exécuté.</translation>
    </message>
    <message>
        <source>rehearsal (default), planned-failover, emergency-failover or failback.</source>
        <translation>rehearsal (par défaut), planned-failover, emergency-failover ou failback.</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODE</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Afficher en JSON.</translation>
    </message>
    <message>
        <source>Unknown mode "%1": use rehearsal, planned-failover, emergency-failover or failback.</source>
        <translation>Mode « %1 » inconnu : utilisez rehearsal, planned-failover, emergency-failover ou failback.</translation>
    </message>
    <message>
        <source>The site has no recovery plan ("plan" in its document).</source>
        <translation>Le site n’a pas de plan de reprise (« plan » dans son document).</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2: %n steps</source>
        <translation>
            <numerusform>%1 de %2 : %n étape</numerusform>
            <numerusform>%1 de %2 : %n étapes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>timeout %n s</source>
        <translation>
            <numerusform>délai %n s</numerusform>
            <numerusform>délai %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>before: %1</source>
        <translation>avant : %1</translation>
    </message>
    <message>
        <source>after: %1</source>
        <translation>après : %1</translation>
    </message>
    <message>
        <source>List the site's drills, newest first, with their outcome, RTO and RPO.</source>
        <translation>Lister les exercices du site, du plus récent au plus ancien, avec leur résultat, RTO et RPO.</translation>
    </message>
    <message>
        <source>At most N drills (default 20).</source>
        <translation>Au plus N exercices (20 par défaut).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>--limit expects a number from 1 to 10000.</source>
        <translation>--limit attend un nombre de 1 à 10000.</translation>
    </message>
    <message>
        <source>No drill yet for this site.</source>
        <translation>Aucun exercice pour ce site pour l’instant.</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>non mesuré</translation>
    </message>
    <message>
        <source>#%1 %2 %3: %4; RTO %5 (target %6 min), RPO %7 (target %8 min)</source>
        <translation>#%1 %2 %3 : %4 ; RTO %5 (objectif %6 min), RPO %7 (objectif %8 min)</translation>
    </message>
    <message>
        <source>The drill's number.</source>
        <translation>Le numéro de l’exercice.</translation>
    </message>
    <message>
        <source>No drill %1 for this site (see "relaisctl drill history").</source>
        <translation>Aucun exercice %1 pour ce site (voir « relaisctl drill history »).</translation>
    </message>
    <message>
        <source>Cannot write the report: %1</source>
        <translation>Impossible d’écrire le rapport : %1</translation>
    </message>
    <message>
        <source>Write the report of drill ID (see "relaisctl drill history"): HTML on standard output, or to files as evidence (written atomically).</source>
        <translation>Écrire le rapport de l'exercice ID (voir "relaisctl drill history") : en HTML sur la sortie standard, ou dans des fichiers comme preuve (écrits de façon atomique).</translation>
    </message>
    <message>
        <source>Write the HTML report to FILE instead of standard output.</source>
        <translation>Écrire le rapport HTML dans FILE au lieu de la sortie standard.</translation>
    </message>
    <message>
        <source>Write the report as PDF to FILE.</source>
        <translation>Écrire le rapport au format PDF dans FILE.</translation>
    </message>
</context>
<context>
    <name>DrillPlanner</name>
    <message>
        <source>Main is silent: final sync of job "%1" skipped.</source>
        <translation>Main muet : synchronisation finale de la tâche « %1 » ignorée.</translation>
    </message>
    <message>
        <source>Main is silent: no snapshot of %1 on main.</source>
        <translation>Main muet : aucun instantané de %1 sur main.</translation>
    </message>
    <message>
        <source>Main is silent: %1 not stopped on main (fencing skipped).</source>
        <translation>Main muet : %1 non arrêté sur main (isolement ignoré).</translation>
    </message>
    <message>
        <source>Main is silent: the backup copies of %1 are used as they are.</source>
        <translation>Main muet : les copies de %1 sur backup sont utilisées telles quelles.</translation>
    </message>
    <message>
        <source>No drill record in the plan: the DNS switch of "%1" is not rehearsed.</source>
        <translation>Aucun enregistrement d’exercice dans le plan : la bascule DNS de « %1 » n’est pas répétée.</translation>
    </message>
    <message>
        <source>Rehearsal: sync, snapshot, fencing, refresh and lock steps are not run; production is not touched.</source>
        <translation>Répétition : les étapes de synchronisation, d’instantané, d’isolement, de rafraîchissement et de verrouillage ne sont pas exécutées ; la production n’est pas touchée.</translation>
    </message>
</context>
<context>
    <name>DrillReport</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message numerus="yes">
        <source>not measured (target %n min)</source>
        <translation>
            <numerusform>non mesuré (objectif %n min)</numerusform>
            <numerusform>non mesuré (objectif %n min)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — target %n min met</source>
        <translation>
            <numerusform>%1 — objectif de %n min atteint</numerusform>
            <numerusform>%1 — objectif de %n min atteint</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — target %n min MISSED</source>
        <translation>
            <numerusform>%1 — objectif de %n min MANQUÉ</numerusform>
            <numerusform>%1 — objectif de %n min MANQUÉ</numerusform>
        </translation>
    </message>
    <message>
        <source>Drill report — %1</source>
        <translation>Rapport d’exercice — %1</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>RTO (time to serve again)</source>
        <translation>RTO (délai de remise en service)</translation>
    </message>
    <message>
        <source>RPO (data-loss window)</source>
        <translation>RPO (fenêtre de perte de données)</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>cleanup</source>
        <translation>nettoyage</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Relais %1, drill %2</source>
        <translation>Relais %1, exercice %2</translation>
    </message>
</context>
<context>
    <name>DrillReportFile</name>
    <message>
        <source>Drill report — %1</source>
        <translation>Rapport d’exercice — %1</translation>
    </message>
</context>
<context>
    <name>DrillText</name>
    <message>
        <source>main</source>
        <translation>main</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>backup</translation>
    </message>
    <message>
        <source>Final sync of "%1"</source>
        <translation>Synchronisation finale de « %1 »</translation>
    </message>
    <message>
        <source>Snapshot %1 on main</source>
        <translation>Instantané de %1 sur main</translation>
    </message>
    <message>
        <source>Snapshot %1 on backup</source>
        <translation>Instantané de %1 sur backup</translation>
    </message>
    <message>
        <source>Stop %1 on main</source>
        <translation>Arrêter %1 sur main</translation>
    </message>
    <message>
        <source>Refresh the backup copies of %1</source>
        <translation>Rafraîchir les copies de %1 sur backup</translation>
    </message>
    <message>
        <source>Start %1 on backup</source>
        <translation>Démarrer %1 sur backup</translation>
    </message>
    <message>
        <source>Switch %1 to %2</source>
        <translation>Basculer %1 vers %2</translation>
    </message>
    <message>
        <source>Check %1 on %2</source>
        <translation>Vérifier %1 sur %2</translation>
    </message>
    <message>
        <source>Lock replication to backup</source>
        <translation>Verrouiller la réplication vers backup</translation>
    </message>
    <message>
        <source>Notify: %1</source>
        <translation>Notifier : %1</translation>
    </message>
    <message>
        <source>Clone %1 for the drill</source>
        <translation>Cloner %1 pour l’exercice</translation>
    </message>
    <message>
        <source>Start the clones of %1</source>
        <translation>Démarrer les clones de %1</translation>
    </message>
    <message>
        <source>Probe the clones of %1</source>
        <translation>Sonder les clones de %1</translation>
    </message>
    <message>
        <source>Read the canary in the clones of %1</source>
        <translation>Lire le témoin dans les clones de %1</translation>
    </message>
    <message>
        <source>Point the drill record of %1 at backup</source>
        <translation>Faire pointer l’enregistrement d’exercice de %1 vers backup</translation>
    </message>
    <message>
        <source>Wait for the drill record of %1 to converge</source>
        <translation>Attendre la convergence de l’enregistrement d’exercice de %1</translation>
    </message>
    <message>
        <source>Remove the clones of %1</source>
        <translation>Supprimer les clones de %1</translation>
    </message>
    <message>
        <source>Remove the drill record of %1</source>
        <translation>Supprimer l’enregistrement d’exercice de %1</translation>
    </message>
    <message>
        <source>Review what "%1" would copy back to main</source>
        <translation>Examiner ce que « %1 » recopierait vers main</translation>
    </message>
    <message>
        <source>Copy "%1" back to main</source>
        <translation>Recopier « %1 » vers main</translation>
    </message>
    <message>
        <source>Stop %1 on backup</source>
        <translation>Arrêter %1 sur backup</translation>
    </message>
    <message>
        <source>Refresh %1 on main from backup</source>
        <translation>Rafraîchir %1 sur main depuis backup</translation>
    </message>
    <message>
        <source>Start %1 on main</source>
        <translation>Démarrer %1 sur main</translation>
    </message>
    <message>
        <source>Unlock replication to backup</source>
        <translation>Déverrouiller la réplication vers backup</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ignoré</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>Rehearsal</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <source>Planned failover</source>
        <translation>Bascule planifiée</translation>
    </message>
    <message>
        <source>Emergency failover</source>
        <translation>Bascule d’urgence</translation>
    </message>
    <message>
        <source>Failback</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>No database: the replication lock cannot be kept.</source>
        <translation>Pas de base de données : le verrou de réplication ne peut pas être conservé.</translation>
    </message>
    <message>
        <source>This version of Relais cannot run the step "%1" yet.</source>
        <translation>Cette version de Relais ne sait pas encore exécuter l’étape « %1 ».</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>non mesuré</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 the drill's mode ("Rehearsal"), %2 its outcome ("succeeded")</extracomment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>RTO %1 (target %2 min), RPO %3 (target %4 min).</source>
        <translation>RTO %1 (cible %2 min), RPO %3 (cible %4 min).</translation>
    </message>
    <message>
        <source>Recovery plan</source>
        <translation>Plan de reprise</translation>
    </message>
    <message>
        <source>Sent to channel %1.</source>
        <translation>Envoyé au canal %1.</translation>
    </message>
    <message>
        <source>Not sent to channel %1: %2</source>
        <translation>Non envoyé au canal %1 : %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>The site has no sync job "%1".</source>
        <translation>Le site n'a pas de tâche de synchronisation « %1 ».</translation>
    </message>
    <message>
        <source>The site has no service "%1".</source>
        <translation>Le site n'a pas de service « %1 ».</translation>
    </message>
    <message>
        <source>The service "%1" has neither an HTTP or TCP probe nor a DNS record to verify.</source>
        <translation>Le service « %1 » n'a ni sonde HTTP ou TCP ni enregistrement DNS à vérifier.</translation>
    </message>
    <message>
        <source>The service "%1" has no DNS record to switch.</source>
        <translation>Le service « %1 » n'a pas d'enregistrement DNS à basculer.</translation>
    </message>
    <message>
        <source>The DNS record of the service "%1" has no TSIG key ("tsig"): Relais only sends signed updates.</source>
        <translation>L'enregistrement DNS du service « %1 » n'a pas de clé TSIG ("tsig") : Relais n'envoie que des mises à jour signées.</translation>
    </message>
    <message>
        <source>Measure the RPO on backup</source>
        <translation>Mesurer le RPO sur backup</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The site file does not exist. Check the path or open another site.</source>
        <translation>Le fichier de site n’existe pas. Vérifiez le chemin ou ouvrez un autre site.</translation>
    </message>
    <message>
        <source>The site file cannot be read. Check that it is a file you may read.</source>
        <translation>Le fichier de site ne peut pas être lu. Vérifiez qu’il s’agit bien d’un fichier que vous avez le droit de lire.</translation>
    </message>
    <message>
        <source>The site file is not valid JSON. Fix it in a text editor at the place shown below.</source>
        <translation>Le fichier de site n’est pas du JSON valide. Corrigez-le dans un éditeur de texte à l’endroit indiqué ci-dessous.</translation>
    </message>
    <message>
        <source>The site file has errors. Each one is listed below with where it is.</source>
        <translation>Le fichier de site contient des erreurs. Chacune est indiquée ci-dessous avec son emplacement.</translation>
    </message>
    <message>
        <source>The site could not be saved. The previous version is unchanged.</source>
        <translation>Le site n’a pas pu être enregistré. La version précédente est inchangée.</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>Le fichier n’existe pas.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Le fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The file could not be written. The previous version is unchanged.</source>
        <translation>Le fichier n’a pas pu être écrit. La version précédente est inchangée.</translation>
    </message>
    <message>
        <source>The file is too large to be a file Relais wrote.</source>
        <translation>Le fichier est trop volumineux pour avoir été écrit par Relais.</translation>
    </message>
    <message>
        <source>The history database cannot be opened.</source>
        <translation>La base de données d’historique ne peut pas être ouverte.</translation>
    </message>
    <message>
        <source>The history database was written by a newer Relais. Use that version.</source>
        <translation>La base de données d’historique a été écrite par une version plus récente de Relais. Utilisez cette version.</translation>
    </message>
    <message>
        <source>The history database could not be updated; it was left as it was.</source>
        <translation>La base de données d’historique n’a pas pu être mise à jour ; elle a été laissée en l’état.</translation>
    </message>
    <message>
        <source>The history database refused a change.</source>
        <translation>La base de données d’historique a refusé une modification.</translation>
    </message>
    <message>
        <source>Unexpected error (%1 %2).</source>
        <translation>Erreur inattendue (%1 %2).</translation>
    </message>
    <message>
        <source>There is no vault yet. Create one to keep your credentials.</source>
        <translation>Il n’y a pas encore de coffre. Créez-en un pour y garder vos identifiants.</translation>
    </message>
    <message>
        <source>The vault file cannot be read. Check that it is a file you may read.</source>
        <translation>Le fichier du coffre ne peut pas être lu. Vérifiez que c’est un fichier que vous pouvez lire.</translation>
    </message>
    <message>
        <source>The passphrase does not open the vault. Type it again.</source>
        <translation>La phrase de passe n’ouvre pas le coffre. Saisissez-la de nouveau.</translation>
    </message>
    <message>
        <source>The vault file is damaged or was changed by something else. Restore it from its backup (the .bak file beside it).</source>
        <translation>Le fichier du coffre est endommagé ou a été modifié par autre chose. Restaurez-le depuis sa sauvegarde (le fichier .bak à côté).</translation>
    </message>
    <message>
        <source>The vault file was cut short. Restore it from its backup (the .bak file beside it).</source>
        <translation>Le fichier du coffre est tronqué. Restaurez-le depuis sa sauvegarde (le fichier .bak à côté).</translation>
    </message>
    <message>
        <source>This file is not a Relais vault.</source>
        <translation>Ce fichier n’est pas un coffre Relais.</translation>
    </message>
    <message>
        <source>The vault was written by a newer Relais. Use that version.</source>
        <translation>Le coffre a été écrit par une version plus récente de Relais. Utilisez cette version.</translation>
    </message>
    <message>
        <source>The vault could not be saved. The previous version is unchanged.</source>
        <translation>Le coffre n’a pas pu être enregistré. La version précédente est intacte.</translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it to go on.</source>
        <translation>Le coffre est verrouillé. Déverrouillez-le pour continuer.</translation>
    </message>
    <message>
        <source>The vault holds no credential with that name.</source>
        <translation>Le coffre ne contient aucun identifiant de ce nom.</translation>
    </message>
    <message>
        <source>The vault already holds a credential with that name.</source>
        <translation>Le coffre contient déjà un identifiant de ce nom.</translation>
    </message>
    <message>
        <source>This credential cannot be stored as it is; the details say why.</source>
        <translation>Cet identifiant ne peut pas être enregistré tel quel ; les détails disent pourquoi.</translation>
    </message>
    <message>
        <source>No system keychain answered, so the vault key cannot be remembered on this computer. Use the passphrase instead.</source>
        <translation>Aucun trousseau du système n’a répondu : la clé du coffre ne peut pas être mémorisée sur cet ordinateur. Utilisez la phrase de passe.</translation>
    </message>
    <message>
        <source>The encryption library failed. Nothing was changed.</source>
        <translation>La bibliothèque de chiffrement a échoué. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The host cannot be reached over SSH. Check that it is up and the address and port are right.</source>
        <translation>L’hôte est injoignable en SSH. Vérifiez qu’il est en marche et que l’adresse et le port sont justes.</translation>
    </message>
    <message>
        <source>The host did not answer in time.</source>
        <translation>L’hôte n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The host's key is not known yet and nobody confirmed it.</source>
        <translation>La clé de l’hôte n’est pas encore connue et personne ne l’a confirmée.</translation>
    </message>
    <message>
        <source>The host's key has CHANGED since it was trusted. This may be an attack, or the server was reinstalled: check with its administrator before trusting the new key.</source>
        <translation>La clé de l’hôte a CHANGÉ depuis qu’elle a été approuvée. Ce peut être une attaque, ou le serveur a été réinstallé : vérifiez auprès de son administrateur avant d’approuver la nouvelle clé.</translation>
    </message>
    <message>
        <source>The host's key was not trusted, so Relais did not connect.</source>
        <translation>La clé de l’hôte n’a pas été approuvée : Relais ne s’est pas connecté.</translation>
    </message>
    <message>
        <source>The host refused the SSH key. Install its public key on the host.</source>
        <translation>L’hôte a refusé la clé SSH. Installez sa clé publique sur l’hôte.</translation>
    </message>
    <message>
        <source>The host refused to open a channel (command or forwarding).</source>
        <translation>L’hôte a refusé d’ouvrir un canal (commande ou redirection).</translation>
    </message>
    <message>
        <source>The remote command could not run to its end.</source>
        <translation>La commande distante n’a pas pu s’exécuter jusqu’au bout.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>The SSH connection was lost.</source>
        <translation>La connexion SSH a été perdue.</translation>
    </message>
    <message>
        <source>The SSH key cannot be read. Check the credential in the vault.</source>
        <translation>La clé SSH est illisible. Vérifiez l’identifiant dans le coffre.</translation>
    </message>
    <message>
        <source>The trusted host key could not be saved.</source>
        <translation>La clé d’hôte approuvée n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>The DNS server did not answer in time.</source>
        <translation>Le serveur DNS n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The DNS server's address is not valid.</source>
        <translation>L’adresse du serveur DNS n’est pas valide.</translation>
    </message>
    <message>
        <source>The name asked is not a valid DNS name.</source>
        <translation>Le nom demandé n’est pas un nom DNS valide.</translation>
    </message>
    <message>
        <source>The DNS server cannot be reached.</source>
        <translation>Le serveur DNS est injoignable.</translation>
    </message>
    <message>
        <source>The DNS server sent an answer that is not valid.</source>
        <translation>Le serveur DNS a envoyé une réponse invalide.</translation>
    </message>
    <message>
        <source>The DNS query failed; the details say why.</source>
        <translation>La requête DNS a échoué ; les détails disent pourquoi.</translation>
    </message>
    <message>
        <source>Your SSH configuration has no such host. Check the name after "Host" in ~/.ssh/config.</source>
        <translation>Votre configuration SSH n’a pas cet hôte. Vérifiez le nom qui suit « Host » dans ~/.ssh/config.</translation>
    </message>
    <message>
        <source>This host of your SSH configuration cannot be imported as it is; the details say why. Adjust the site by hand after importing.</source>
        <translation>Cet hôte de votre configuration SSH ne peut pas être importé tel quel ; le détail dit pourquoi. Ajustez le site à la main après l’import.</translation>
    </message>
    <message>
        <source>LXD cannot be reached on this host. Check that LXD runs and that its socket path in the site is right.</source>
        <translation>LXD est injoignable sur cet hôte. Vérifiez que LXD tourne et que le chemin de son socket dans le site est juste.</translation>
    </message>
    <message>
        <source>LXD does not know this container or snapshot; LXD's words are below.</source>
        <translation>LXD ne connaît pas ce conteneur ou cet instantané ; les mots de LXD suivent.</translation>
    </message>
    <message>
        <source>LXD refused the request; LXD's words are below.</source>
        <translation>LXD a refusé la demande ; les mots de LXD suivent.</translation>
    </message>
    <message>
        <source>LXD does not trust Relais for this request.</source>
        <translation>LXD ne fait pas confiance à Relais pour cette demande.</translation>
    </message>
    <message>
        <source>LXD could not do it; LXD's words are below.</source>
        <translation>LXD n’a pas pu le faire ; les mots de LXD suivent.</translation>
    </message>
    <message>
        <source>The LXD operation failed; LXD's words are below.</source>
        <translation>L’opération LXD a échoué ; les mots de LXD suivent.</translation>
    </message>
    <message>
        <source>Cancelled. LXD may finish an operation it cannot stop.</source>
        <translation>Annulé. LXD peut terminer une opération qu’il ne sait pas arrêter.</translation>
    </message>
    <message>
        <source>LXD did not answer, or did not finish, in time.</source>
        <translation>LXD n’a pas répondu, ou pas terminé, à temps.</translation>
    </message>
    <message>
        <source>The answer on LXD's socket is not LXD's API.</source>
        <translation>La réponse sur le socket de LXD n’est pas l’API de LXD.</translation>
    </message>
    <message>
        <source>The DNS change asked for is not valid (name, address or TTL).</source>
        <translation>La modification DNS demandée n’est pas valide (nom, adresse ou TTL).</translation>
    </message>
    <message>
        <source>The TSIG key in the vault is not written as name:algorithm:secret. Fix the vault entry.</source>
        <translation>La clé TSIG du coffre n’est pas écrite nom:algorithme:secret. Corrigez l’entrée du coffre.</translation>
    </message>
    <message>
        <source>The DNS server of the record is not a valid address, or its name does not resolve. Check the site's DNS settings.</source>
        <translation>Le serveur DNS de l’enregistrement n’est pas une adresse valide, ou son nom ne se résout pas. Vérifiez les réglages DNS du site.</translation>
    </message>
    <message>
        <source>The DNS server did not answer the update in time. It may still have applied it: check the record before trying again.</source>
        <translation>Le serveur DNS n’a pas répondu à temps à la mise à jour. Il l’a peut-être appliquée : vérifiez l’enregistrement avant de réessayer.</translation>
    </message>
    <message>
        <source>The update could not reach the DNS server (refused or no route).</source>
        <translation>La mise à jour n’a pas pu atteindre le serveur DNS (refus ou pas de route).</translation>
    </message>
    <message>
        <source>The DNS server's answer to the update is not valid DNS; the record's state is unknown. Check it before trying again.</source>
        <translation>La réponse du serveur DNS à la mise à jour n’est pas du DNS valide ; l’état de l’enregistrement est inconnu. Vérifiez-le avant de réessayer.</translation>
    </message>
    <message>
        <source>The DNS server's answer is not signed with the TSIG key, so Relais cannot trust it. Check the record and the key.</source>
        <translation>La réponse du serveur DNS n’est pas signée avec la clé TSIG, Relais ne peut donc pas s’y fier. Vérifiez l’enregistrement et la clé.</translation>
    </message>
    <message>
        <source>The DNS server is not authoritative for this zone, or refuses the key (NOTAUTH).</source>
        <translation>Le serveur DNS ne fait pas autorité pour cette zone, ou refuse la clé (NOTAUTH).</translation>
    </message>
    <message>
        <source>The DNS server rejected the signature (BADSIG): the TSIG secret in the vault is not the server's.</source>
        <translation>Le serveur DNS a rejeté la signature (BADSIG) : le secret TSIG du coffre n’est pas celui du serveur.</translation>
    </message>
    <message>
        <source>The DNS server does not know this TSIG key name (BADKEY). Check the key name in the vault and on the server.</source>
        <translation>Le serveur DNS ne connaît pas ce nom de clé TSIG (BADKEY). Vérifiez le nom de la clé dans le coffre et sur le serveur.</translation>
    </message>
    <message>
        <source>The DNS server refused the signature's time (BADTIME): this computer's clock and the server's differ. Set both clocks right.</source>
        <translation>Le serveur DNS a refusé l’heure de la signature (BADTIME) : l’horloge de cet ordinateur et celle du serveur diffèrent. Remettez les deux à l’heure.</translation>
    </message>
    <message>
        <source>The DNS server refused the update (REFUSED): its update policy does not allow it, or the key is wrong.</source>
        <translation>Le serveur DNS a refusé la mise à jour (REFUSED) : sa politique ne la permet pas, ou la clé est fausse.</translation>
    </message>
    <message>
        <source>The record changed behind Relais' back: it no longer holds the address expected, so nothing was overwritten. Look at the record first.</source>
        <translation>L’enregistrement a changé à l’insu de Relais : il ne contient plus l’adresse attendue, rien n’a donc été écrasé. Regardez d’abord l’enregistrement.</translation>
    </message>
    <message>
        <source>The DNS server failed to apply the update (SERVFAIL); see its logs.</source>
        <translation>Le serveur DNS n’a pas pu appliquer la mise à jour (SERVFAIL) ; voyez ses journaux.</translation>
    </message>
    <message>
        <source>The DNS server rejected the update; the details give its answer.</source>
        <translation>Le serveur DNS a rejeté la mise à jour ; le détail donne sa réponse.</translation>
    </message>
    <message>
        <source>The DNS update was cancelled. The server may have applied it already: check the record.</source>
        <translation>La mise à jour DNS a été annulée. Le serveur l’a peut-être déjà appliquée : vérifiez l’enregistrement.</translation>
    </message>
    <message>
        <source>Replication from main to backup is locked because backup is the active side. Fail back first (reverse sync), then unlock it.</source>
        <translation>La réplication de main vers backup est verrouillée car backup est le côté actif. Faites d’abord le retour (synchronisation inverse), puis déverrouillez-la.</translation>
    </message>
    <message>
        <source>A command to run before the copy failed, so nothing was copied; the details give its output.</source>
        <translation>Une commande à lancer avant la copie a échoué, rien n’a donc été copié ; le détail donne sa sortie.</translation>
    </message>
    <message>
        <source>Relais could not write its freshness marker on main, so nothing was copied. Check that the source paths exist and are writable.</source>
        <translation>Relais n’a pas pu écrire son témoin de fraîcheur sur main, rien n’a donc été copié. Vérifiez que les chemins source existent et sont inscriptibles.</translation>
    </message>
    <message>
        <source>The copy failed; the details say why and what to do.</source>
        <translation>La copie a échoué ; le détail dit pourquoi et quoi faire.</translation>
    </message>
    <message>
        <source>The copy was cancelled. Files already renamed into place on backup stay; no half-written file is left at its final name.</source>
        <translation>La copie a été annulée. Les fichiers déjà mis en place sur backup restent ; aucun fichier à moitié écrit ne reste sous son nom final.</translation>
    </message>
    <message>
        <source>Relais could not reach the host that starts the copy over SSH.</source>
        <translation>Relais n’a pas pu joindre en SSH l’hôte qui lance la copie.</translation>
    </message>
    <message>
        <source>The server sent an HTTP answer that Relais refuses to read.</source>
        <translation>Le serveur a envoyé une réponse HTTP que Relais refuse de lire.</translation>
    </message>
    <message>
        <source>The LXD server's certificate is not trusted yet. Check its fingerprint on the server (lxc info) before trusting it.</source>
        <translation>Le certificat du serveur LXD n’est pas encore approuvé. Vérifiez son empreinte sur le serveur (lxc info) avant de l’approuver.</translation>
    </message>
    <message>
        <source>The LXD server presented a certificate other than the one Relais trusts. Someone may be intercepting the connection: nothing was sent.</source>
        <translation>Le serveur LXD a présenté un autre certificat que celui auquel Relais fait confiance. Quelqu’un intercepte peut-être la connexion : rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>The secure connection to LXD failed; the details say why.</source>
        <translation>La connexion sécurisée à LXD a échoué ; les détails disent pourquoi.</translation>
    </message>
    <message>
        <source>The LXD trust token cannot be used: it is not a token, or it has expired. Ask the server for a new one (lxc config trust add).</source>
        <translation>Le jeton de confiance LXD est inutilisable : ce n’est pas un jeton, ou il a expiré. Demandez-en un nouveau au serveur (lxc config trust add).</translation>
    </message>
    <message>
        <source>The LXD client certificate in the vault cannot be used.</source>
        <translation>Le certificat client LXD du coffre est inutilisable.</translation>
    </message>
    <message>
        <source>The file of trusted LXD certificates cannot be read or written.</source>
        <translation>Le fichier des certificats LXD approuvés ne peut pas être lu ou écrit.</translation>
    </message>
    <message>
        <source>The DNS change asked for is not valid for this provider (name outside the zone, no address, or a TTL it does not accept).</source>
        <translation>La modification DNS demandée n’est pas valide pour ce fournisseur (nom hors de la zone, pas d’adresse, ou TTL qu’il n’accepte pas).</translation>
    </message>
    <message>
        <source>The provider's credentials in the vault are not in the expected format. See the DNS documentation and fix the vault entry.</source>
        <translation>Les identifiants du fournisseur dans le coffre ne sont pas au format attendu. Consultez la documentation DNS et corrigez l’entrée du coffre.</translation>
    </message>
    <message>
        <source>The provider's API address is not a valid http:// or https:// URL. Check the site's DNS settings.</source>
        <translation>L’adresse de l’API du fournisseur n’est pas une URL http:// ou https:// valide. Vérifiez les réglages DNS du site.</translation>
    </message>
    <message>
        <source>Another request to this DNS provider is still running; wait for it to end.</source>
        <translation>Une autre requête à ce fournisseur DNS est encore en cours ; attendez qu’elle se termine.</translation>
    </message>
    <message>
        <source>The DNS provider refused the credentials (key, token or signature). Check the vault entry and the rights given to it.</source>
        <translation>Le fournisseur DNS a refusé les identifiants (clé, jeton ou signature). Vérifiez l’entrée du coffre et les droits qui lui sont accordés.</translation>
    </message>
    <message>
        <source>The provider refused the request's time: this computer's clock is too far from the provider's. Set the clock right.</source>
        <translation>Le fournisseur a refusé l’heure de la requête : l’horloge de cet ordinateur est trop éloignée de celle du fournisseur. Mettez l’horloge à l’heure.</translation>
    </message>
    <message>
        <source>The DNS provider does not know this zone, record or address. Check the site's settings against the provider's account.</source>
        <translation>Le fournisseur DNS ne connaît pas cette zone, cet enregistrement ou cette adresse. Comparez les réglages du site avec le compte chez le fournisseur.</translation>
    </message>
    <message>
        <source>The provider's record no longer holds the address Relais expected, so nothing was written. Look at the record first.</source>
        <translation>L’enregistrement du fournisseur ne contient plus l’adresse attendue par Relais : rien n’a été écrit. Examinez d’abord l’enregistrement.</translation>
    </message>
    <message>
        <source>The DNS provider refused the request; the details give its answer.</source>
        <translation>Le fournisseur DNS a refusé la requête ; les détails donnent sa réponse.</translation>
    </message>
    <message>
        <source>The DNS provider failed to handle the request (server error). Try again later, after checking the record.</source>
        <translation>Le fournisseur DNS n’a pas pu traiter la requête (erreur du serveur). Réessayez plus tard, après avoir vérifié l’enregistrement.</translation>
    </message>
    <message>
        <source>The DNS provider's answer is not what its API documents; the record's state is unknown. Check it before trying again.</source>
        <translation>La réponse du fournisseur DNS n’est pas conforme à la documentation de son API ; l’état de l’enregistrement est inconnu. Vérifiez-le avant de réessayer.</translation>
    </message>
    <message>
        <source>The secure connection to the DNS provider failed: its certificate could not be verified.</source>
        <translation>La connexion sécurisée au fournisseur DNS a échoué : son certificat n’a pas pu être vérifié.</translation>
    </message>
    <message>
        <source>Relais could not reach the DNS provider's API (refused or no route).</source>
        <translation>Relais n’a pas pu atteindre l’API du fournisseur DNS (refus ou pas de route).</translation>
    </message>
    <message>
        <source>The DNS provider did not answer in time. A change may still have been applied: check the record before trying again.</source>
        <translation>Le fournisseur DNS n’a pas répondu à temps. Une modification a peut-être été appliquée : vérifiez l’enregistrement avant de réessayer.</translation>
    </message>
    <message>
        <source>OVH could not move the failover IP; the details give the task's state.</source>
        <translation>OVH n’a pas pu déplacer l’IP failover ; les détails donnent l’état de la tâche.</translation>
    </message>
    <message>
        <source>The request to the DNS provider was cancelled. A change it received may still be applied: check the record.</source>
        <translation>La requête au fournisseur DNS a été annulée. Une modification reçue a peut-être été appliquée : vérifiez l’enregistrement.</translation>
    </message>
    <message>
        <source>The site's recovery plan has nothing to run in this mode.</source>
        <translation>Le plan de reprise du site n’a rien à exécuter dans ce mode.</translation>
    </message>
    <message>
        <source>A step of the drill failed; the drill stopped and cleaned up.</source>
        <translation>Une étape de l’exercice a échoué ; l’exercice s’est arrêté et a fait le ménage.</translation>
    </message>
    <message>
        <source>A step of the drill ran past its timeout and was stopped.</source>
        <translation>Une étape de l’exercice a dépassé son délai et a été arrêtée.</translation>
    </message>
    <message>
        <source>The drill was cancelled; what it created was cleaned up.</source>
        <translation>L’exercice a été annulé ; ce qu’il avait créé a été nettoyé.</translation>
    </message>
    <message>
        <source>The drill journal cannot be written, so the drill stopped: a drill that cannot be followed after a crash is not run.</source>
        <translation>Le journal de l’exercice ne peut pas être écrit, l’exercice s’est donc arrêté : un exercice qu’on ne peut pas reprendre après un plantage n’est pas exécuté.</translation>
    </message>
    <message>
        <source>The unfinished drill cannot be read back from the journal.</source>
        <translation>L’exercice inachevé ne peut pas être relu depuis le journal.</translation>
    </message>
    <message>
        <source>The site lacks what this step needs; the details say what.</source>
        <translation>Le site ne contient pas ce dont cette étape a besoin ; les détails disent quoi.</translation>
    </message>
    <message>
        <source>This version of Relais cannot run this step yet.</source>
        <translation>Cette version de Relais ne sait pas encore exécuter cette étape.</translation>
    </message>
    <message>
        <source>This DNS provider is not available in this version of Relais.</source>
        <translation>Ce fournisseur DNS n’est pas disponible dans cette version de Relais.</translation>
    </message>
    <message>
        <source>The DNS provider's credentials are missing: unlock the vault, or add the entry the site names.</source>
        <translation>Les identifiants du fournisseur DNS manquent : déverrouillez le coffre, ou ajoutez l’entrée que nomme le site.</translation>
    </message>
    <message>
        <source>The DNS provider's credentials in the vault cannot be used.</source>
        <translation>Les identifiants du fournisseur DNS dans le coffre ne sont pas utilisables.</translation>
    </message>
    <message>
        <source>The DNS provider cannot handle this record or change.</source>
        <translation>Le fournisseur DNS ne sait pas traiter cet enregistrement ou cette modification.</translation>
    </message>
    <message>
        <source>The DNS provider is still busy with another request.</source>
        <translation>Le fournisseur DNS est encore occupé par une autre demande.</translation>
    </message>
    <message>
        <source>The DNS provider answered without the record; the details say why.</source>
        <translation>Le fournisseur DNS a répondu sans l’enregistrement ; les détails disent pourquoi.</translation>
    </message>
    <message>
        <source>The switch cannot be made: the site lacks an address for a side.</source>
        <translation>La bascule est impossible : il manque au site une adresse pour un côté.</translation>
    </message>
    <message>
        <source>The record could not be read before switching; nothing was changed.</source>
        <translation>L’enregistrement n’a pas pu être lu avant la bascule ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The record points to neither main nor backup; nothing was changed.</source>
        <translation>L’enregistrement ne pointe ni vers main ni vers backup ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The record changed behind Relais's back; it was not overwritten.</source>
        <translation>L’enregistrement a changé à l’insu de Relais ; il n’a pas été écrasé.</translation>
    </message>
    <message>
        <source>The provider did not change the record; the details say what was done.</source>
        <translation>Le fournisseur n’a pas modifié l’enregistrement ; les détails disent ce qui a été fait.</translation>
    </message>
    <message>
        <source>No authoritative server to verify the switch at: list them in the site's "verify".</source>
        <translation>Aucun serveur faisant autorité où vérifier la bascule : listez-les dans "verify" du site.</translation>
    </message>
    <message>
        <source>The record changed, but not every authoritative server answers it yet.</source>
        <translation>L’enregistrement a changé, mais tous les serveurs faisant autorité ne le renvoient pas encore.</translation>
    </message>
    <message>
        <source>The switch was cancelled; the details say what was done.</source>
        <translation>La bascule a été annulée ; les détails disent ce qui a été fait.</translation>
    </message>
    <message>
        <source>A switch of this record is already running.</source>
        <translation>Une bascule de cet enregistrement est déjà en cours.</translation>
    </message>
    <message>
        <source>This notification channel cannot be used as written: its vault entry or its CA file is missing. Check the site's notifications and the vault.</source>
        <translation>Ce canal de notification est inutilisable tel qu'il est écrit : son entrée dans le coffre ou son fichier d'AC est manquant. Vérifiez les notifications du site et le coffre.</translation>
    </message>
    <message>
        <source>Relais could not reach the notification server (refused, no route or unknown name).</source>
        <translation>Relais n'a pas pu joindre le serveur de notification (connexion refusée, aucune route ou nom inconnu).</translation>
    </message>
    <message>
        <source>The secure connection to the notification server failed: its certificate could not be verified, or it offers no TLS.</source>
        <translation>La connexion sécurisée au serveur de notification a échoué : son certificat n'a pas pu être vérifié, ou il ne propose pas TLS.</translation>
    </message>
    <message>
        <source>The notification server refused the token or the login. Check the channel's vault entry.</source>
        <translation>Le serveur de notification a refusé le jeton ou l'identifiant. Vérifiez l'entrée du canal dans le coffre.</translation>
    </message>
    <message>
        <source>The notification server refused the message; the details give its answer.</source>
        <translation>Le serveur de notification a refusé le message ; les détails donnent sa réponse.</translation>
    </message>
    <message>
        <source>The mail server refused the sender, a recipient or the message; the details give its answer.</source>
        <translation>Le serveur de messagerie a refusé l'expéditeur, un destinataire ou le message ; les détails donnent sa réponse.</translation>
    </message>
    <message>
        <source>The notification server did not answer in time.</source>
        <translation>Le serveur de notification n'a pas répondu à temps.</translation>
    </message>
    <message>
        <source>Sending the notification was cancelled.</source>
        <translation>L'envoi de la notification a été annulé.</translation>
    </message>
    <message>
        <source>If you refused it, Relais asks again only when you choose View ▸ Check Now or open the site again.</source>
        <translation>Si vous l’avez refusée, Relais ne le redemande que lorsque vous choisissez Affichage ▸ Vérifier maintenant ou rouvrez le site.</translation>
    </message>
    <message>
        <source>LXD is reached over SSH, and the host's SSH key was not trusted, so Relais did not connect.</source>
        <translation>LXD est joint par SSH, et la clé SSH de l’hôte n’était pas approuvée : Relais ne s’est pas connecté.</translation>
    </message>
    <message>
        <source>Another run of this job is still copying on its host, so this one did not start; nothing was copied. Try again when it ends.</source>
        <translation>Une autre exécution de cette tâche copie encore sur son hôte, celle-ci n’a donc pas démarré ; rien n’a été copié. Réessayez quand elle sera terminée.</translation>
    </message>
</context>
<context>
    <name>HealthText</name>
    <message>
        <source>Up</source>
        <translation>En service</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Dégradé</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Hors service</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>up</source>
        <comment>state inside a sentence</comment>
        <translation>en service</translation>
    </message>
    <message>
        <source>degraded</source>
        <comment>state inside a sentence</comment>
        <translation>dégradé</translation>
    </message>
    <message>
        <source>down</source>
        <comment>state inside a sentence</comment>
        <translation>hors service</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>state inside a sentence</comment>
        <translation>inconnu</translation>
    </message>
    <message numerus="yes">
        <source>No answer within %n s</source>
        <translation>
            <numerusform>Pas de réponse en %n s</numerusform>
            <numerusform>Pas de réponse en %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>Pas de réponse à temps</translation>
    </message>
    <message>
        <source>The port is closed (connection refused)</source>
        <translation>Le port est fermé (connexion refusée)</translation>
    </message>
    <message>
        <source>The host cannot be reached (no route: is its network up?)</source>
        <translation>L’hôte est injoignable (pas de route : son réseau est-il actif ?)</translation>
    </message>
    <message>
        <source>The name does not resolve to an address</source>
        <translation>Le nom ne se résout en aucune adresse</translation>
    </message>
    <message>
        <source>The certificate could not be verified</source>
        <translation>Le certificat n’a pas pu être vérifié</translation>
    </message>
    <message>
        <source>The certificate is not the pinned one</source>
        <translation>Le certificat n’est pas celui épinglé</translation>
    </message>
    <message>
        <source>The web server answered with an unexpected status</source>
        <translation>Le serveur web a répondu avec un statut inattendu</translation>
    </message>
    <message>
        <source>The page does not contain the expected text</source>
        <translation>La page ne contient pas le texte attendu</translation>
    </message>
    <message>
        <source>The port answered, but not with SSH</source>
        <translation>Le port a répondu, mais pas en SSH</translation>
    </message>
    <message>
        <source>The DNS server has no such record</source>
        <translation>Le serveur DNS n’a pas cet enregistrement</translation>
    </message>
    <message>
        <source>The DNS server refused or failed to answer</source>
        <translation>Le serveur DNS a refusé ou échoué à répondre</translation>
    </message>
    <message>
        <source>The record points to neither main nor backup</source>
        <translation>L’enregistrement ne pointe ni vers le principal ni vers le secours</translation>
    </message>
    <message>
        <source>The check was stopped before an answer</source>
        <translation>La vérification a été arrêtée avant une réponse</translation>
    </message>
    <message>
        <source>The check failed</source>
        <translation>La vérification a échoué</translation>
    </message>
    <message>
        <source>%1, flapping</source>
        <translation>%1, instable</translation>
    </message>
    <message>
        <source>%1, stable again</source>
        <translation>%1, de nouveau stable</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 (flapping)</source>
        <translation>%1 (instable)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Secours</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date then time</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The host's SSH key or LXD certificate was refused; choose View ▸ Check Now to be asked again</source>
        <translation>La clé SSH ou le certificat LXD de l’hôte a été refusé ; choisissez Affichage ▸ Vérifier maintenant pour que la question soit reposée</translation>
    </message>
</context>
<context>
    <name>LxdAccess</name>
    <message>
        <source>Warning: no replication history (copy ages unknown): %1</source>
        <translation>Avertissement : aucun historique de réplication (âge des copies inconnu) : %1</translation>
    </message>
    <message>
        <source>The SSH host key of %1 is not trusted yet (%2); check it and run "relaisctl ssh trust".</source>
        <translation>La clé d’hôte SSH de %1 n’est pas encore approuvée (%2) ; vérifiez-la et lancez « relaisctl ssh trust ».</translation>
    </message>
    <message>
        <source>The LXD certificate of %1 is not trusted yet (SHA-256 %2); check it and run "relaisctl lxd trust".</source>
        <translation>Le certificat LXD de %1 n’est pas encore approuvé (SHA-256 %2) ; vérifiez-le et lancez « relaisctl lxd trust ».</translation>
    </message>
</context>
<context>
    <name>PassphraseSource</name>
    <message>
        <source>The passphrase is empty; give a passphrase.</source>
        <translation>La phrase de passe est vide ; donnez une phrase de passe.</translation>
    </message>
    <message>
        <source>Cannot read the passphrase file %1: %2; check its name and permissions.</source>
        <translation>Impossible de lire le fichier de phrase de passe %1 : %2 ; vérifiez son nom et ses permissions.</translation>
    </message>
    <message>
        <source>Cannot read the passphrase file %1; check that it is a small text file.</source>
        <translation>Impossible de lire le fichier de phrase de passe %1 ; vérifiez qu’il s’agit d’un petit fichier texte.</translation>
    </message>
    <message>
        <source>No passphrase given and no terminal to ask it on. Give it with --passphrase-file FILE or the environment variable RELAIS_VAULT_PASSPHRASE.</source>
        <translation>Aucune phrase de passe donnée et aucun terminal pour la demander. Donnez-la avec --passphrase-file FICHIER ou la variable d’environnement RELAIS_VAULT_PASSPHRASE.</translation>
    </message>
    <message>
        <source>Vault passphrase: </source>
        <translation>Phrase de passe du coffre : </translation>
    </message>
    <message>
        <source>Vault passphrase again: </source>
        <translation>Phrase de passe du coffre, à nouveau : </translation>
    </message>
    <message>
        <source>Could not read the passphrase from the terminal.</source>
        <translation>Impossible de lire la phrase de passe dans le terminal.</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was created. Run the command again.</source>
        <translation>Les deux phrases de passe diffèrent ; rien n’a été créé. Relancez la commande.</translation>
    </message>
</context>
<context>
    <name>RsyncExitPolicy</name>
    <message>
        <source>The copy is complete.</source>
        <translation>La copie est complète.</translation>
    </message>
    <message>
        <source>The copy is complete, but some source files vanished while it ran (they were deleted or renamed on main meanwhile); the next run takes the new state.</source>
        <translation>La copie est complète, mais des fichiers source ont disparu pendant son déroulement (supprimés ou renommés sur main entre-temps) ; la prochaine exécution prendra le nouvel état.</translation>
    </message>
    <message>
        <source>The connection between the hosts failed (socket I/O); Relais will try again.</source>
        <translation>La connexion entre les hôtes a échoué (E/S de socket) ; Relais va réessayer.</translation>
    </message>
    <message>
        <source>The data stream between the hosts broke (often a full disk or a killed rsync on the other side); Relais will try again.</source>
        <translation>Le flux de données entre les hôtes s’est rompu (souvent un disque plein ou un rsync tué de l’autre côté) ; Relais va réessayer.</translation>
    </message>
    <message>
        <source>The transfer timed out waiting for the other host; Relais will try again.</source>
        <translation>Le transfert a expiré en attendant l’autre hôte ; Relais va réessayer.</translation>
    </message>
    <message>
        <source>The SSH connection between the hosts failed (host down, refused or host key problem); Relais will try again.</source>
        <translation>La connexion SSH entre les hôtes a échoué (hôte arrêté, refus ou problème de clé d’hôte) ; Relais va réessayer.</translation>
    </message>
    <message>
        <source>Some files could not be copied (permissions, unreadable files or a full destination); the run's messages name them.</source>
        <translation>Certains fichiers n’ont pas pu être copiés (droits, fichiers illisibles ou destination pleine) ; les messages de l’exécution les nomment.</translation>
    </message>
    <message>
        <source>rsync refused the job's options (rsync %1 on one of the hosts does not support them, or the restricted key forbids them). Check the job and the rsync versions.</source>
        <translation>rsync a refusé les options de la tâche (rsync %1 sur l’un des hôtes ne les connaît pas, ou la clé restreinte les interdit). Vérifiez la tâche et les versions de rsync.</translation>
    </message>
    <message>
        <source>A source or destination path is missing or unusable; check the job's paths on both hosts.</source>
        <translation>Un chemin source ou destination manque ou est inutilisable ; vérifiez les chemins de la tâche sur les deux hôtes.</translation>
    </message>
    <message>
        <source>rsync could not start on the other host (is rsync installed there, and does the replication key allow it?).</source>
        <translation>rsync n’a pas pu démarrer sur l’autre hôte (rsync y est-il installé, et la clé de réplication le permet-elle ?).</translation>
    </message>
    <message>
        <source>A file could not be read or written (file I/O error: disk full, read-only file system or a failing disk).</source>
        <translation>Un fichier n’a pas pu être lu ou écrit (erreur d’E/S : disque plein, système de fichiers en lecture seule ou disque défaillant).</translation>
    </message>
    <message>
        <source>rsync was stopped by a signal (cancelled, or killed on a host).</source>
        <translation>rsync a été arrêté par un signal (annulé, ou tué sur un hôte).</translation>
    </message>
    <message>
        <source>rsync ran out of memory on a host.</source>
        <translation>rsync a manqué de mémoire sur un hôte.</translation>
    </message>
    <message>
        <source>rsync stopped because it would have deleted more files than the job allows (--max-delete); check the source before anything is lost.</source>
        <translation>rsync s’est arrêté car il aurait supprimé plus de fichiers que la tâche ne le permet (--max-delete) ; vérifiez la source avant toute perte.</translation>
    </message>
    <message>
        <source>rsync failed with exit status %1; the run's messages say why.</source>
        <translation>rsync a échoué avec le code de sortie %1 ; les messages de l’exécution disent pourquoi.</translation>
    </message>
    <message>
        <source>rsync reported success but threw away files it had copied ("%1"); the backup did not receive them. Check the job's options and the rrsync restriction on the receiving host.</source>
        <translation>rsync a annoncé un succès mais a jeté des fichiers copiés (« %1 ») ; le secours ne les a pas reçus. Vérifiez les options de la tâche et la restriction rrsync sur l’hôte qui reçoit.</translation>
    </message>
    <message>
        <source>Backup refused the copy: replication to it is locked since a failover (it serves now). Fail back to unlock it.</source>
        <translation>Le backup a refusé la copie : la réplication vers lui est verrouillée depuis une bascule (c’est lui qui sert). Revenez sur main pour la déverrouiller.</translation>
    </message>
    <message>
        <source>A pre-sync hook failed or ran out of time on the initiating host; nothing was copied.</source>
        <translation>Un hook d’avant synchronisation a échoué ou dépassé son délai sur l’hôte initiateur ; rien n’a été copié.</translation>
    </message>
    <message>
        <source>Another run of the job was in progress on its initiating host; nothing was copied. Try again when it ends.</source>
        <translation>Une autre exécution de la tâche était en cours sur son hôte initiateur ; rien n’a été copié. Réessayez quand elle sera terminée.</translation>
    </message>
</context>
<context>
    <name>SiteCheckCommand</name>
    <message>
        <source>Check a site document and list every problem.</source>
        <translation>Vérifier un document de site et lister chaque problème.</translation>
    </message>
    <message>
        <source>The site document to check.</source>
        <translation>Le document de site à vérifier.</translation>
    </message>
    <message>
        <source>Usage: relaisctl site check FILE</source>
        <translation>Utilisation : relaisctl site check FICHIER</translation>
    </message>
    <message>
        <source>%1: invalid site document: %2</source>
        <translation>%1: document de site invalide : %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: valid site "%2" (main %3, backup %4, %n service(s))</source>
        <translation>
            <numerusform>%1: site « %2 » valide (principal %3, secours %4, %n service)</numerusform>
            <numerusform>%1: site « %2 » valide (principal %3, secours %4, %n services)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteDocument</name>
    <message>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>clé inconnue</translation>
    </message>
    <message>
        <source>unknown key (did you mean "%1"?)</source>
        <translation>clé inconnue (vouliez-vous dire "%1" ?)</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <extracomment>%1 is the value found: a number, a quoted string, true, false, null, "an array" or "an object"</extracomment>
        <translation>attendu un objet, reçu %1</translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation>attendu un tableau, reçu %1</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>attendu une chaîne, reçu %1</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation>attendu un entier, reçu %1</translation>
    </message>
    <message>
        <source>expected %1–%2, got %3</source>
        <extracomment>%1–%2 is the accepted range, %3 the number found</extracomment>
        <translation>attendu %1–%2, reçu %3</translation>
    </message>
    <message>
        <source>invalid vault id %1; expected [a-z0-9][a-z0-9._-]{0,63}</source>
        <translation>identifiant de coffre %1 invalide ; attendu [a-z0-9][a-z0-9._-]{0,63}</translation>
    </message>
    <message>
        <source>expected an IP address or a DNS name, got %1</source>
        <translation>attendu une adresse IP ou un nom DNS, reçu %1</translation>
    </message>
    <message>
        <source>expected a DNS name, got %1</source>
        <translation>attendu un nom DNS, reçu %1</translation>
    </message>
    <message>
        <source>expected an http:// or https:// URL, got %1</source>
        <translation>attendu une URL http:// ou https://, reçu %1</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>attendu %1, reçu %2</translation>
    </message>
    <message>
        <source>expected at most %1 characters, got %2</source>
        <translation>attendu au plus %1 caractères, reçu %2</translation>
    </message>
    <message>
        <source>expected an IP address, got %1</source>
        <translation>attendu une adresse IP, reçu %1</translation>
    </message>
    <message>
        <source>invalid user name %1; expected [A-Za-z_][A-Za-z0-9._-]{0,31}</source>
        <translation>nom d’utilisateur %1 invalide ; attendu [A-Za-z_][A-Za-z0-9._-]{0,31}</translation>
    </message>
    <message>
        <source>unknown transport %1; expected one of %2</source>
        <translation>transport %1 inconnu ; attendu l’une des valeurs suivantes : %2</translation>
    </message>
    <message>
        <source>not used by the %1 transport</source>
        <translation>non utilisé par le transport %1</translation>
    </message>
    <message>
        <source>missing (required by the %1 transport)</source>
        <translation>manquant (requis par le transport %1)</translation>
    </message>
    <message>
        <source>expected an absolute path, got %1</source>
        <translation>attendu un chemin absolu, reçu %1</translation>
    </message>
    <message>
        <source>expected https://address:port, got %1</source>
        <translation>attendu https://adresse:port, reçu %1</translation>
    </message>
    <message>
        <source>duplicate service name %1 (also %2)</source>
        <translation>nom de service %1 en double (aussi en %2)</translation>
    </message>
    <message>
        <source>invalid service name %1; expected [A-Za-z0-9][A-Za-z0-9._-]*</source>
        <translation>nom de service %1 invalide ; attendu [A-Za-z0-9][A-Za-z0-9._-]*</translation>
    </message>
    <message>
        <source>invalid instance name %1; expected a letter, then letters, digits or hyphens (at most 63, not ending with a hyphen)</source>
        <translation>nom d’instance %1 invalide ; attendu une lettre, puis des lettres, des chiffres ou des tirets (63 au plus, sans tiret final)</translation>
    </message>
    <message>
        <source>duplicate container %1 (also %2)</source>
        <translation>conteneur %1 en double (aussi en %2)</translation>
    </message>
    <message>
        <source>unknown provider %1; expected one of %2</source>
        <translation>fournisseur %1 inconnu ; attendu l’une des valeurs suivantes : %2</translation>
    </message>
    <message>
        <source>not used by the %1 provider</source>
        <translation>non utilisé par le fournisseur %1</translation>
    </message>
    <message>
        <source>missing (required by the %1 provider)</source>
        <translation>manquant (requis par le fournisseur %1)</translation>
    </message>
    <message>
        <source>expected a name relative to the zone or "@", got %1</source>
        <translation>attendu un nom relatif à la zone ou "@", reçu %1</translation>
    </message>
    <message>
        <source>unknown record type %1; expected one of %2</source>
        <translation>type d’enregistrement %1 inconnu ; attendu l’une des valeurs suivantes : %2</translation>
    </message>
    <message>
        <source>an %1 record cannot point to %2 (%3)</source>
        <extracomment>%1 is A or AAAA, %2 a JSON path, %3 the address found there</extracomment>
        <translation>un enregistrement %1 ne peut pas pointer vers %2 (%3)</translation>
    </message>
    <message>
        <source>dns probes need %1, which is missing</source>
        <translation>les sondes dns exigent %1, qui est absent</translation>
    </message>
    <message>
        <source>unknown probe kind %1; expected one of %2</source>
        <translation>type de sonde %1 inconnu ; attendu l’une des valeurs suivantes : %2</translation>
    </message>
    <message>
        <source>not used by %1 probes</source>
        <translation>non utilisé par les sondes %1</translation>
    </message>
    <message>
        <source>missing (required by %1 probes)</source>
        <translation>manquant (requis par les sondes %1)</translation>
    </message>
    <message>
        <source>unknown host %1; expected one of %2</source>
        <translation>hôte %1 inconnu ; attendu l’une des valeurs suivantes : %2</translation>
    </message>
    <message>
        <source>expected two integers [min, max], got an array of %1</source>
        <translation>attendu deux entiers [min, max], reçu un tableau de taille %1</translation>
    </message>
    <message>
        <source>expected min ≤ max, got [%1, %2]</source>
        <translation>attendu min ≤ max, reçu [%1, %2]</translation>
    </message>
    <message>
        <source>expected at most interval_seconds (%1), got %2</source>
        <translation>attendu au plus interval_seconds (%1), reçu %2</translation>
    </message>
    <message>
        <source>expected the certificate's SHA-256 fingerprint (64 hexadecimal digits, colons allowed)</source>
        <translation>attendu l’empreinte SHA-256 du certificat (64 chiffres hexadécimaux, deux-points permis)</translation>
    </message>
    <message>
        <source>only for https:// URLs</source>
        <translation>seulement pour les URL https://</translation>
    </message>
    <message>
        <source>expected a file path</source>
        <translation>chemin de fichier attendu</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>attendu true ou false, reçu %1</translation>
    </message>
    <message>
        <source>expected an absolute path without ".." or control characters, got %1</source>
        <translation>attendu un chemin absolu sans « .. » ni caractère de contrôle, reçu %1</translation>
    </message>
    <message>
        <source>duplicate sync job name %1 (also %2)</source>
        <translation>nom de tâche de synchronisation %1 en double (aussi %2)</translation>
    </message>
    <message>
        <source>invalid sync job name %1; expected [a-z0-9][a-z0-9_-]{0,31}</source>
        <translation>nom de tâche de synchronisation %1 invalide ; attendu [a-z0-9][a-z0-9_-]{0,31}</translation>
    </message>
    <message>
        <source>unknown direction %1; expected %2</source>
        <translation>sens %1 inconnu ; attendu %2</translation>
    </message>
    <message>
        <source>expected at least one path</source>
        <translation>attendu au moins un chemin</translation>
    </message>
    <message>
        <source>the root directory cannot be a destination</source>
        <translation>le répertoire racine ne peut pas être une destination</translation>
    </message>
    <message>
        <source>expected a non-empty pattern on one line</source>
        <translation>attendu un motif non vide sur une seule ligne</translation>
    </message>
    <message>
        <source>expected "manual" or an object, got %1</source>
        <translation>attendu « manual » ou un objet, reçu %1</translation>
    </message>
    <message>
        <source>expected exactly one of every_minutes and daily_at</source>
        <translation>attendu exactement un de every_minutes et daily_at</translation>
    </message>
    <message>
        <source>expected a time as HH:MM (00:00 to 23:59), got %1</source>
        <translation>attendu une heure HH:MM (00:00 à 23:59), reçu %1</translation>
    </message>
    <message>
        <source>unknown host %1; expected %2</source>
        <translation>hôte %1 inconnu ; attendu %2</translation>
    </message>
    <message>
        <source>expected a command of 1 to 4096 characters</source>
        <translation>attendu une commande de 1 à 4096 caractères</translation>
    </message>
    <message>
        <source>expected an IP address with an optional port ("192.0.2.1:53", "[2001:db8::1]:53"), got %1</source>
        <translation>attendu une adresse IP avec un port facultatif ("192.0.2.1:53", "[2001:db8::1]:53"), reçu %1</translation>
    </message>
    <message>
        <source>unknown provider %1; expected ovh</source>
        <translation>fournisseur %1 inconnu ; attendu ovh</translation>
    </message>
    <message>
        <source>expected an IP address or block, got %1</source>
        <translation>attendu une adresse ou un bloc IP, reçu %1</translation>
    </message>
    <message>
        <source>expected an OVH service name, got %1</source>
        <translation>attendu un nom de service OVH, reçu %1</translation>
    </message>
    <message>
        <source>the same service as main_service</source>
        <translation>le même service que main_service</translation>
    </message>
    <message>
        <source>expected an LXD instance name (letters, digits and hyphens, starting with a letter, at most 63), got "%1"</source>
        <translation>attendu un nom d’instance LXD (lettres, chiffres et traits d’union, commençant par une lettre, 63 au plus), reçu "%1"</translation>
    </message>
    <message>
        <source>expected at least one group</source>
        <translation>attendu au moins un groupe</translation>
    </message>
    <message>
        <source>duplicate group name %1 (also %2)</source>
        <translation>nom de groupe %1 en double (aussi %2)</translation>
    </message>
    <message>
        <source>invalid group name %1; expected [a-z0-9][a-z0-9_-]{0,31}</source>
        <translation>nom de groupe %1 invalide ; attendu [a-z0-9][a-z0-9_-]{0,31}</translation>
    </message>
    <message>
        <source>expected at least one step</source>
        <translation>attendu au moins une étape</translation>
    </message>
    <message>
        <source>expected a name relative to the zone, got %1</source>
        <translation>attendu un nom relatif à la zone, reçu %1</translation>
    </message>
    <message>
        <source>unknown step kind %1; expected one of %2</source>
        <translation>type d’étape %1 inconnu ; attendu l’un de %2</translation>
    </message>
    <message>
        <source>not used by %1 steps</source>
        <translation>non utilisé par les étapes %1</translation>
    </message>
    <message>
        <source>missing (required by %1 steps)</source>
        <translation>manquant (requis par les étapes %1)</translation>
    </message>
    <message>
        <source>expected at least one container</source>
        <translation>attendu au moins un conteneur</translation>
    </message>
    <message>
        <source>container %1 is listed twice</source>
        <translation>le conteneur %1 est listé deux fois</translation>
    </message>
    <message>
        <source>expected at most 1000 characters</source>
        <translation>attendu 1000 caractères au plus</translation>
    </message>
    <message>
        <source>no sync job is named %1</source>
        <translation>aucune tâche de synchronisation ne s’appelle %1</translation>
    </message>
    <message>
        <source>no service is named %1</source>
        <translation>aucun service ne s’appelle %1</translation>
    </message>
    <message>
        <source>service %1 has no dns record to switch</source>
        <translation>le service %1 n’a pas d’enregistrement dns à basculer</translation>
    </message>
    <message>
        <source>expected an e-mail address (name@domain), got %1</source>
        <translation>adresse e-mail attendue (nom@domaine), reçu %1</translation>
    </message>
    <message>
        <source>duplicate channel name %1 (also %2)</source>
        <translation>nom de canal %1 en double (également %2)</translation>
    </message>
    <message>
        <source>invalid channel name %1; expected [a-z0-9][a-z0-9_-]{0,31}</source>
        <translation>nom de canal %1 invalide ; attendu [a-z0-9][a-z0-9_-]{0,31}</translation>
    </message>
    <message>
        <source>unknown channel kind %1; expected one of %2</source>
        <translation>type de canal %1 inconnu ; attendu l'un de %2</translation>
    </message>
    <message>
        <source>not used by %1 channels</source>
        <translation>non utilisé par les canaux %1</translation>
    </message>
    <message>
        <source>missing (required by %1 channels)</source>
        <translation>manquant (requis par les canaux %1)</translation>
    </message>
    <message>
        <source>expected at least one event</source>
        <translation>au moins un événement attendu</translation>
    </message>
    <message>
        <source>unknown event %1; expected one of %2</source>
        <translation>événement %1 inconnu ; attendu l'un de %2</translation>
    </message>
    <message>
        <source>event %1 is listed twice</source>
        <translation>l'événement %1 figure deux fois</translation>
    </message>
    <message>
        <source>a user or password in the URL is not allowed; put the secret in the vault and name it in "credentials"</source>
        <translation>un utilisateur ou un mot de passe dans l'URL n'est pas autorisé ; placez le secret dans le coffre et nommez-le dans "credentials"</translation>
    </message>
    <message>
        <source>invalid topic %1; expected [A-Za-z0-9_-]{1,64}</source>
        <translation>sujet %1 invalide ; attendu [A-Za-z0-9_-]{1,64}</translation>
    </message>
    <message>
        <source>unknown TLS mode %1; expected one of %2</source>
        <translation>mode TLS %1 inconnu ; attendu l'un de %2</translation>
    </message>
    <message>
        <source>expected a login name on one line, got %1</source>
        <translation>identifiant sur une seule ligne attendu, reçu %1</translation>
    </message>
    <message>
        <source>expected at least one address</source>
        <translation>au moins une adresse attendue</translation>
    </message>
</context>
<context>
    <name>SiteImportCommand</name>
    <message>
        <source>it is not a private key file</source>
        <translation>ce n’est pas un fichier de clé privée</translation>
    </message>
    <message>
        <source>it is protected by a passphrase</source>
        <translation>elle est protégée par une phrase de passe</translation>
    </message>
    <message>
        <source>Build a site's hosts from your SSH configuration and store their keys in the site's vault. A new SITE file is created; an existing one keeps its services, targets and LXD settings, and only its hosts' address and SSH settings change.</source>
        <translation>Construire les hôtes d’un site depuis votre configuration SSH et ranger leurs clés dans le coffre du site. Un nouveau fichier SITE est créé ; un fichier existant garde ses services, ses objectifs et ses réglages LXD, seuls l’adresse et les réglages SSH de ses hôtes changent.</translation>
    </message>
    <message>
        <source>The site document to write.</source>
        <translation>Le document de site à écrire.</translation>
    </message>
    <message>
        <source>The "Host" alias of the main server.</source>
        <translation>L’alias « Host » du serveur principal.</translation>
    </message>
    <message>
        <source>The "Host" alias of the backup server.</source>
        <translation>L’alias « Host » du serveur de secours.</translation>
    </message>
    <message>
        <source>The SSH configuration to read (default: ~/.ssh/config).</source>
        <translation>La configuration SSH à lire (par défaut : ~/.ssh/config).</translation>
    </message>
    <message>
        <source>The name of a new site (default: the two aliases).</source>
        <translation>Le nom d’un nouveau site (par défaut : les deux alias).</translation>
    </message>
    <message>
        <source>The vault that receives the keys (default: the site's "vault", else %1).</source>
        <translation>Le coffre qui reçoit les clés (par défaut : le « vault » du site, sinon %1).</translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation>Lire la phrase de passe du coffre dans FILE (sa première ligne). Sans cette option, elle vient de RELAIS_VAULT_PASSPHRASE, sinon elle est demandée sur le terminal.</translation>
    </message>
    <message>
        <source>Do not store the key files in the vault (add them later with "relaisctl vault add").</source>
        <translation>Ne pas ranger les fichiers de clé dans le coffre (ajoutez-les plus tard avec « relaisctl vault add »).</translation>
    </message>
    <message>
        <source>Usage: relaisctl site import-ssh --main ALIAS --backup ALIAS SITE</source>
        <translation>Usage : relaisctl site import-ssh --main ALIAS --backup ALIAS SITE</translation>
    </message>
    <message>
        <source>Cannot read the SSH configuration %1: %2</source>
        <translation>Impossible de lire la configuration SSH %1 : %2</translation>
    </message>
    <message>
        <source>%1 exists but is not a valid site document (%2); nothing was changed. Fix it, or choose another file.</source>
        <translation>%1 existe mais n’est pas un document de site valide (%2) ; rien n’a été modifié. Corrigez-le, ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>Cannot import "Host %1" from %2: %3</source>
        <translation>Impossible d’importer « Host %1 » depuis %2 : %3</translation>
    </message>
    <message>
        <source>The imported site would not be valid; nothing was written:</source>
        <translation>Le site importé ne serait pas valide ; rien n’a été écrit :</translation>
    </message>
    <message>
        <source>Cannot read the key file %1: %2</source>
        <translation>Impossible de lire le fichier de clé %1 : %2</translation>
    </message>
    <message>
        <source>it is too large</source>
        <translation>il est trop gros</translation>
    </message>
    <message>
        <source>The key file %1 cannot be stored: %2. Relais keeps keys inside its encrypted vault without a passphrase of their own: store a copy without one (ssh-keygen -p -f COPY -N '') with "relaisctl vault add %3 --kind ssh-private-key --file COPY", then run this import again with --no-keys. Nothing was written.</source>
        <translation>Le fichier de clé %1 ne peut pas être rangé : %2. Relais garde les clés dans son coffre chiffré, sans phrase de passe propre : rangez-en une copie sans phrase de passe (ssh-keygen -p -f COPIE -N '') avec « relaisctl vault add %3 --kind ssh-private-key --file COPIE », puis relancez cet import avec --no-keys. Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>The vault already holds %1 as "%2".</source>
        <translation>Le coffre contient déjà %1 sous « %2 ».</translation>
    </message>
    <message>
        <source>The vault already has an entry "%1" that is not the key %2; nothing was written. Remove or rename that entry first.</source>
        <translation>Le coffre a déjà une entrée « %1 » qui n’est pas la clé %2 ; rien n’a été écrit. Supprimez ou renommez d’abord cette entrée.</translation>
    </message>
    <message>
        <source>SSH key %1 (imported)</source>
        <translation>Clé SSH %1 (importée)</translation>
    </message>
    <message numerus="yes">
        <source>Stored %n key(s) in the vault %1.</source>
        <translation>
            <numerusform>%n clé rangée dans le coffre %1.</numerusform>
            <numerusform>%n clés rangées dans le coffre %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Updated the hosts of %1: main %2, backup %3.</source>
        <translation>Hôtes de %1 mis à jour : main %2, backup %3.</translation>
    </message>
    <message>
        <source>Wrote the new site %1: main %2, backup %3.</source>
        <translation>Nouveau site %1 écrit : main %2, backup %3.</translation>
    </message>
    <message>
        <source>Next: trust each host key with "relaisctl ssh trust", then add services and probes to the site.</source>
        <translation>Ensuite : approuvez la clé de chaque hôte avec « relaisctl ssh trust », puis ajoutez services et sondes au site.</translation>
    </message>
</context>
<context>
    <name>SyncHostInstall</name>
    <message>
        <source>The job has a pre-sync hook on %1, which the installed job cannot run (it starts on %2 and its key can only run rsync there). Run this job from the console, or move the hook to %2.</source>
        <translation>La tâche a un hook d’avant synchronisation sur %1, que la tâche installée ne peut pas lancer (elle démarre sur %2 et sa clé ne peut lancer que rsync là-bas). Lancez cette tâche depuis la console, ou déplacez le hook sur %2.</translation>
    </message>
    <message>
        <source>the job %1 runs on demand only: nothing to install</source>
        <translation>la tâche %1 ne s’exécute qu’à la demande : rien à installer</translation>
    </message>
    <message>
        <source>cron cannot run a job every %1 minutes; use a systemd timer or a period dividing an hour or a day</source>
        <translation>cron ne sait pas exécuter une tâche toutes les %1 minutes ; utilisez un minuteur systemd ou une période qui divise une heure ou un jour</translation>
    </message>
</context>
<context>
    <name>VaultCommand</name>
    <message>
        <source>Usage: relaisctl vault init|list|add|remove [OPTIONS]
  vault init [--vault FILE] [--passphrase-file FILE]
  vault list [--json] [--vault FILE] [--passphrase-file FILE]
  vault add ID --kind KIND --label LABEL [--file FILE] [--vault FILE] [--passphrase-file FILE]
  vault remove ID [--vault FILE] [--passphrase-file FILE]
  vault passphrase [--new-passphrase-file FILE] [--vault FILE] [--passphrase-file FILE]
The passphrase comes from --passphrase-file, else from the environment variable RELAIS_VAULT_PASSPHRASE, else from a prompt.
"relaisctl vault COMMAND --help" describes each command.</source>
        <translation>Utilisation : relaisctl vault init|list|add|remove [OPTIONS]
  vault init [--vault FICHIER] [--passphrase-file FICHIER]
  vault list [--json] [--vault FICHIER] [--passphrase-file FICHIER]
  vault add ID --kind TYPE --label LIBELLÉ [--file FICHIER] [--vault FICHIER] [--passphrase-file FICHIER]
  vault remove ID [--vault FICHIER] [--passphrase-file FICHIER]
  vault passphrase [--new-passphrase-file FICHIER] [--vault FICHIER] [--passphrase-file FICHIER]
La phrase de passe vient de --passphrase-file, sinon de la variable d’environnement RELAIS_VAULT_PASSPHRASE, sinon d’une invite.
« relaisctl vault COMMANDE --help » décrit chaque commande.</translation>
    </message>
    <message>
        <source>Unknown vault command: %1</source>
        <translation>Commande de coffre inconnue : %1</translation>
    </message>
    <message>
        <source>The vault file (default: %1).</source>
        <translation>Le fichier du coffre (par défaut : %1).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Read the passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation>Lire la phrase de passe dans FICHIER (sa première ligne). Sans cette option, la phrase de passe vient de la variable d’environnement RELAIS_VAULT_PASSPHRASE, sinon elle est demandée dans le terminal.</translation>
    </message>
    <message>
        <source>Vault error: %1</source>
        <translation>Erreur du coffre : %1</translation>
    </message>
    <message>
        <source>There is no vault at %1. Create one with "relaisctl vault init", or choose the file with --vault FILE.</source>
        <translation>Il n’y a pas de coffre en %1. Créez-en un avec « relaisctl vault init », ou choisissez le fichier avec --vault FICHIER.</translation>
    </message>
    <message>
        <source>Cannot read the vault %1; check that it is a file you may read.</source>
        <translation>Impossible de lire le coffre %1 ; vérifiez qu’il s’agit d’un fichier que vous avez le droit de lire.</translation>
    </message>
    <message>
        <source>Wrong passphrase for the vault %1; nothing was changed. Try again with the right passphrase.</source>
        <translation>Mauvaise phrase de passe pour le coffre %1 ; rien n’a été modifié. Réessayez avec la bonne phrase de passe.</translation>
    </message>
    <message>
        <source>The vault %1 is damaged or was tampered with; nothing was changed. Restore %1.bak or another copy.</source>
        <translation>Le coffre %1 est endommagé ou a été altéré ; rien n’a été modifié. Restaurez %1.bak ou une autre copie.</translation>
    </message>
    <message>
        <source>%1 is not a Relais vault; choose the vault file with --vault FILE.</source>
        <translation>%1 n’est pas un coffre Relais ; choisissez le fichier du coffre avec --vault FICHIER.</translation>
    </message>
    <message>
        <source>The vault %1 was written by a newer Relais; update Relais to open it.</source>
        <translation>Le coffre %1 a été écrit par une version plus récente de Relais ; mettez Relais à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <source>Could not write the vault %1; it was not changed. Check the disk and the directory's permissions, then try again.</source>
        <translation>Impossible d’écrire le coffre %1 ; il n’a pas été modifié. Vérifiez le disque et les permissions du répertoire, puis réessayez.</translation>
    </message>
    <message>
        <source>There is no entry "%1" in the vault; "relaisctl vault list" shows the ids.</source>
        <translation>Il n’y a pas d’entrée « %1 » dans le coffre ; « relaisctl vault list » affiche les identifiants.</translation>
    </message>
    <message>
        <source>The vault already has an entry "%1"; choose another id, or first remove it with "relaisctl vault remove %1".</source>
        <translation>Le coffre a déjà une entrée « %1 » ; choisissez un autre identifiant, ou supprimez-la d’abord avec « relaisctl vault remove %1 ».</translation>
    </message>
    <message>
        <source>Create a new empty vault, asking the passphrase twice on the terminal unless --passphrase-file or RELAIS_VAULT_PASSPHRASE gives it. An existing vault is never overwritten.
Testing aid: the environment variable RELAIS_VAULT_TEST_KDF_LOG2N (10 to 24) sets scrypt's log2 N for a fast, weaker vault; never use it for real secrets.</source>
        <translation>Créer un nouveau coffre vide, en demandant deux fois la phrase de passe dans le terminal sauf si --passphrase-file ou RELAIS_VAULT_PASSPHRASE la donne. Un coffre existant n’est jamais écrasé.
Aide aux tests : la variable d’environnement RELAIS_VAULT_TEST_KDF_LOG2N (10 à 24) fixe le log2 N de scrypt pour un coffre rapide mais plus faible ; ne l’utilisez jamais pour de vrais secrets.</translation>
    </message>
    <message>
        <source>Usage: relaisctl vault init [--vault FILE] [--passphrase-file FILE]</source>
        <translation>Utilisation : relaisctl vault init [--vault FICHIER] [--passphrase-file FICHIER]</translation>
    </message>
    <message>
        <source>A vault already exists at %1; it was left as it is. Use it, remove it yourself, or choose another file with --vault FILE.</source>
        <translation>Un coffre existe déjà en %1 ; il a été laissé tel quel. Utilisez-le, supprimez-le vous-même, ou choisissez un autre fichier avec --vault FICHIER.</translation>
    </message>
    <message>
        <source>RELAIS_VAULT_TEST_KDF_LOG2N must be a whole number from %1 to %2.</source>
        <translation>RELAIS_VAULT_TEST_KDF_LOG2N doit être un nombre entier de %1 à %2.</translation>
    </message>
    <message>
        <source>Created the vault %1.</source>
        <translation>Coffre %1 créé.</translation>
    </message>
    <message>
        <source>List the entries of the vault: id, kind, label, created and updated (UTC). Never a secret.</source>
        <translation>Lister les entrées du coffre : identifiant, type, libellé, création et modification (UTC). Jamais un secret.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Afficher du JSON.</translation>
    </message>
    <message>
        <source>Usage: relaisctl vault list [--json] [--vault FILE] [--passphrase-file FILE]</source>
        <translation>Utilisation : relaisctl vault list [--json] [--vault FICHIER] [--passphrase-file FICHIER]</translation>
    </message>
    <message>
        <source>The vault %1 has no entry; add one with "relaisctl vault add".</source>
        <translation>Le coffre %1 n’a aucune entrée ; ajoutez-en une avec « relaisctl vault add ».</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CRÉÉ</translation>
    </message>
    <message>
        <source>UPDATED</source>
        <translation>MODIFIÉ</translation>
    </message>
    <message>
        <source>LABEL</source>
        <translation>LIBELLÉ</translation>
    </message>
    <message>
        <source>Add a secret to the vault. The secret is read byte for byte from --file FILE, else from all of standard input (a final newline is kept: use printf, not echo, for a password); it is never printed.</source>
        <translation>Ajouter un secret au coffre. Le secret est lu octet par octet dans --file FICHIER, sinon dans toute l’entrée standard (un saut de ligne final est conservé : utilisez printf, pas echo, pour un mot de passe) ; il n’est jamais affiché.</translation>
    </message>
    <message>
        <source>The entry's id: 1 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit.</source>
        <translation>L’identifiant de l’entrée : 1 à 64 caractères parmi a-z, 0-9, « . », « _ », « - », commençant par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <source>The kind of secret: ssh-private-key, password, api-token, tsig-key or tls-client-certificate.</source>
        <translation>Le type de secret : ssh-private-key, password, api-token, tsig-key ou tls-client-certificate.</translation>
    </message>
    <message>
        <source>A description for people.</source>
        <translation>Une description pour les humains.</translation>
    </message>
    <message>
        <source>Read the secret from FILE instead of standard input.</source>
        <translation>Lire le secret dans FICHIER au lieu de l’entrée standard.</translation>
    </message>
    <message>
        <source>Usage: relaisctl vault add ID --kind KIND --label LABEL [--file FILE]</source>
        <translation>Utilisation : relaisctl vault add ID --kind TYPE --label LIBELLÉ [--file FICHIER]</translation>
    </message>
    <message>
        <source>Invalid id "%1": use 1 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit.</source>
        <translation>Identifiant « %1 » invalide : utilisez 1 à 64 caractères parmi a-z, 0-9, « . », « _ », « - », en commençant par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <source>Unknown kind "%1": use ssh-private-key, password, api-token, tsig-key or tls-client-certificate.</source>
        <translation>Type « %1 » inconnu : utilisez ssh-private-key, password, api-token, tsig-key ou tls-client-certificate.</translation>
    </message>
    <message>
        <source>Cannot read the secret file %1: %2; check its name and permissions.</source>
        <translation>Impossible de lire le fichier secret %1 : %2 ; vérifiez son nom et ses permissions.</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>l’entrée standard</translation>
    </message>
    <message>
        <source>Type the secret, then Ctrl-D on a line of its own:</source>
        <translation>Tapez le secret, puis Ctrl-D seul sur une ligne :</translation>
    </message>
    <message>
        <source>The secret from %1 is larger than %2 bytes; nothing was added.</source>
        <translation>Le secret lu depuis %1 dépasse %2 octets ; rien n’a été ajouté.</translation>
    </message>
    <message>
        <source>Cannot read the secret from %1; nothing was added.</source>
        <translation>Impossible de lire le secret depuis %1 ; rien n’a été ajouté.</translation>
    </message>
    <message>
        <source>The secret from %1 is empty; nothing was added.</source>
        <translation>Le secret lu depuis %1 est vide ; rien n’a été ajouté.</translation>
    </message>
    <message>
        <source>Added "%1" (%2) to the vault %3.</source>
        <translation>« %1 » (%2) ajouté au coffre %3.</translation>
    </message>
    <message>
        <source>Remove an entry from the vault.</source>
        <translation>Supprimer une entrée du coffre.</translation>
    </message>
    <message>
        <source>The id of the entry to remove.</source>
        <translation>L’identifiant de l’entrée à supprimer.</translation>
    </message>
    <message>
        <source>Usage: relaisctl vault remove ID [--vault FILE] [--passphrase-file FILE]</source>
        <translation>Utilisation : relaisctl vault remove ID [--vault FICHIER] [--passphrase-file FICHIER]</translation>
    </message>
    <message>
        <source>Removed "%1" from the vault %2.</source>
        <translation>« %1 » supprimé du coffre %2.</translation>
    </message>
    <message>
        <source>Change the vault's passphrase: the vault is opened with the current one, then encrypted again under the new one (new salt, new nonce); the previous file is kept as .bak. The new passphrase comes from --new-passphrase-file, else it is asked twice on the terminal (never from RELAIS_VAULT_PASSPHRASE). A key remembered on this computer no longer opens the vault afterwards.</source>
        <translation>Changer la phrase de passe du coffre : le coffre est ouvert avec l’actuelle, puis chiffré de nouveau sous la nouvelle (nouveau sel, nouveau nonce) ; le fichier précédent est gardé en .bak. La nouvelle phrase de passe vient de --new-passphrase-file, sinon elle est demandée deux fois sur le terminal (jamais de RELAIS_VAULT_PASSPHRASE). Une clé mémorisée sur cet ordinateur n’ouvre plus le coffre ensuite.</translation>
    </message>
    <message>
        <source>Read the new passphrase from FILE (its first line).</source>
        <translation>Lire la nouvelle phrase de passe dans FICHIER (sa première ligne).</translation>
    </message>
    <message>
        <source>Usage: relaisctl vault passphrase [--new-passphrase-file FILE] [--vault FILE] [--passphrase-file FILE]</source>
        <translation>Utilisation : relaisctl vault passphrase [--new-passphrase-file FICHIER] [--vault FICHIER] [--passphrase-file FICHIER]</translation>
    </message>
    <message>
        <source>Changed the passphrase of the vault %1 (the previous file is %1.bak).</source>
        <translation>Phrase de passe du coffre %1 changée (le fichier précédent est %1.bak).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Relais, the disaster-recovery console for small sites.</source>
        <translation>Relais, la console de reprise après sinistre pour les petits sites.</translation>
    </message>
    <message>
        <source>Open the site document FILE.</source>
        <translation>Ouvrir le document de site FICHIER.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Use the language CODE (en or fr) instead of the system's.</source>
        <translation>Utiliser la langue CODE (en ou fr) au lieu de celle du système.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
</context>
<context>
    <name>relais::AboutDialog</name>
    <message>
        <source>About Relais</source>
        <translation>À propos de Relais</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Relais %1&lt;/h2&gt;&lt;p&gt;The disaster-recovery console for small sites: health of main and backup, LXD snapshots and replication, rsync, DNS switching and measured failover drills.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Relais %1&lt;/h2&gt;&lt;p&gt;La console de reprise après sinistre pour les petits sites : état du principal et du secours, instantanés et réplication LXD, rsync, bascule DNS et exercices de bascule mesurés.&lt;/p&gt;&lt;p&gt;Logiciel libre distribué sous la licence publique générale GNU (GNU General Public License), version 3 ou ultérieure.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>relais::CanaryStepJob</name>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>RPO now: %1.</source>
        <translation>RPO actuel : %1.</translation>
    </message>
    <message>
        <source>The site has no sync job: no canary, RPO not measured.</source>
        <translation>Le site n’a aucune tâche de synchronisation : pas de témoin, RPO non mesuré.</translation>
    </message>
    <message>
        <source>No canary could be read on backup: RPO not measured.</source>
        <translation>Aucun canari n’a pu être lu sur backup : RPO non mesuré.</translation>
    </message>
    <message>
        <source>The canary of "%1" could not be read on backup (%2); going on.</source>
        <translation>Le canari de « %1 » n’a pas pu être lu sur backup (%2) ; on continue.</translation>
    </message>
    <message>
        <source>No clone mounts %1: the canary of "%2" is read on backup.</source>
        <translation>Aucun clone ne monte %1 : le canari de « %2 » est lu sur backup.</translation>
    </message>
    <message>
        <source>on backup</source>
        <translation>sur backup</translation>
    </message>
    <message>
        <source>inside %1</source>
        <translation>dans %1</translation>
    </message>
    <message>
        <source>No canary of sync job "%1" %2 (%3): its data has not been copied yet.</source>
        <translation>Pas de canari de la tâche de synchronisation « %1 » %2 (%3) : ses données n’ont pas encore été copiées.</translation>
    </message>
    <message>
        <source>Canary of "%1" %2: %3 old.</source>
        <translation>Canari de « %1 » %2 : âgé de %3.</translation>
    </message>
</context>
<context>
    <name>relais::CertificateDialog</name>
    <message>
        <source>Unknown Server Certificate</source>
        <translation>Certificat de serveur inconnu</translation>
    </message>
    <message>
        <source>Relais has never connected to %1 over HTTPS before. Before trusting it, check that the certificate below is really the server's: anyone between you and the server could offer their own.</source>
        <translation>Relais ne s’est encore jamais connecté à %1 en HTTPS. Avant de l’approuver, vérifiez que le certificat ci-dessous est bien celui du serveur : n’importe qui entre vous et le serveur pourrait proposer le sien.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Sujet :</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Validité :</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>Empreinte SHA-256 :</translation>
    </message>
    <message>
        <source>The certificate is self-signed, as LXD's own certificates are: only its fingerprint can tell it is the right one.</source>
        <translation>Le certificat est auto-signé, comme le sont les certificats propres à LXD : seule son empreinte permet de savoir que c’est le bon.</translation>
    </message>
    <message>
        <source>To check it, run on the server itself (or ask its administrator):&lt;pre&gt;lxc info | grep certificate_fingerprint&lt;/pre&gt;and compare the fingerprint it prints with the one above (without the colons), character by character. If they differ, do not connect.</source>
        <translation>Pour le vérifier, lancez sur le serveur lui-même (ou demandez à son administrateur) :&lt;pre&gt;lxc info | grep certificate_fingerprint&lt;/pre&gt;et comparez l’empreinte affichée avec celle ci-dessus (sans les deux-points), caractère par caractère. Si elles diffèrent, ne vous connectez pas.</translation>
    </message>
    <message>
        <source>&amp;Trust and Connect</source>
        <translation>&amp;Approuver et se connecter</translation>
    </message>
</context>
<context>
    <name>relais::ChangeReviewDialog</name>
    <message>
        <source>C&amp;ontinue</source>
        <translation>&amp;Continuer</translation>
    </message>
    <message>
        <source>&amp;Cancel drill</source>
        <translation>&amp;Annuler l'exercice</translation>
    </message>
    <message>
        <source>Review the changes</source>
        <translation>Examinez les modifications</translation>
    </message>
    <message>
        <source>%1: the dry run lists what would be copied.</source>
        <translation>%1 : la simulation liste ce qui serait copié.</translation>
    </message>
    <message>
        <source>Changes to copy</source>
        <translation>Modifications à copier</translation>
    </message>
    <message numerus="yes">
        <source>%n changed file(s) listed.</source>
        <translation>
            <numerusform>%n fichier modifié listé.</numerusform>
            <numerusform>%n fichiers modifiés listés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy these changes from backup to main?</source>
        <translation>Copier ces modifications de backup vers main ?</translation>
    </message>
</context>
<context>
    <name>relais::CloneProbeStepJob</name>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>The clone %1 is gone from backup.</source>
        <translation>Le clone %1 a disparu de backup.</translation>
    </message>
    <message>
        <source>Waiting for %1 to run with an address…</source>
        <translation>Attente que %1 tourne avec une adresse…</translation>
    </message>
    <message>
        <source>The clones run; the service has no HTTP or TCP probe to try on them.</source>
        <translation>Les clones tournent ; le service n’a aucune sonde HTTP ou TCP à essayer sur eux.</translation>
    </message>
    <message>
        <source>The clones do not answer their probes yet…</source>
        <translation>Les clones ne répondent pas encore à leurs sondes…</translation>
    </message>
    <message>
        <source>Every clone answers its probes.</source>
        <translation>Chaque clone répond à ses sondes.</translation>
    </message>
</context>
<context>
    <name>relais::CommandStepJob</name>
    <message>
        <source>"%1" exited with status %2.</source>
        <translation>"%1" s’est terminé avec le statut %2.</translation>
    </message>
    <message>
        <source>"%1" exited with status %2: %3</source>
        <translation>"%1" s’est terminé avec le statut %2 : %3</translation>
    </message>
</context>
<context>
    <name>relais::ContainerActionRunner</name>
    <message>
        <source>Checking the snapshot…</source>
        <translation>Vérification de l’instantané…</translation>
    </message>
    <message>
        <source>Taking a safety snapshot of the current state…</source>
        <translation>Instantané de sécurité de l’état actuel…</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restauration…</translation>
    </message>
    <message>
        <source>The state before the restore is kept in the snapshot %1.</source>
        <translation>L’état d’avant la restauration est gardé dans l’instantané %1.</translation>
    </message>
    <message>
        <source>Reading main and backup…</source>
        <translation>Lecture de main et de backup…</translation>
    </message>
    <message>
        <source>Cloning the backup's copy into a staging instance…</source>
        <translation>Clonage de la copie du backup dans une instance de transit…</translation>
    </message>
    <message>
        <source>The backup pulls the container from main…</source>
        <translation>Le backup tire le conteneur depuis main…</translation>
    </message>
    <message>
        <source>Checking the new copy…</source>
        <translation>Vérification de la nouvelle copie…</translation>
    </message>
    <message>
        <source>Putting the new copy in place…</source>
        <translation>Mise en place de la nouvelle copie…</translation>
    </message>
    <message>
        <source>Removing the staging instance; the backup keeps its copy…</source>
        <translation>Suppression de l’instance de transit ; le backup garde sa copie…</translation>
    </message>
    <message>
        <source>LXD cannot stop this once it has begun: it runs to its end.</source>
        <translation>LXD ne peut pas arrêter ceci une fois commencé : l’opération va jusqu’au bout.</translation>
    </message>
    <message>
        <source>LXD cannot stop a restore once it has begun: it runs to its end. The safety snapshot keeps the state from before.</source>
        <translation>LXD ne peut pas arrêter une restauration une fois commencée : elle va jusqu’au bout. L’instantané de sécurité garde l’état d’avant.</translation>
    </message>
    <message>
        <source>The new copy is being put in place: stopping now could leave the backup without a copy.</source>
        <translation>La nouvelle copie est en cours de mise en place : l’arrêter maintenant pourrait laisser le backup sans copie.</translation>
    </message>
    <message>
        <source>The replication is already stopping.</source>
        <translation>La réplication est déjà en train de s’arrêter.</translation>
    </message>
</context>
<context>
    <name>relais::ContainersView</name>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>Unlock the vault to see the containers.</source>
        <translation>Déverrouillez le coffre pour voir les conteneurs.</translation>
    </message>
    <message>
        <source>&amp;Unlock the vault…</source>
        <translation>&amp;Déverrouiller le coffre…</translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation>Act&amp;ualiser</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>Déma&amp;rrer</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message numerus="yes">
        <source>Shut the container down cleanly (waits up to %n second(s))</source>
        <translation>
            <numerusform>Arrêter proprement le conteneur (attend jusqu’à %n seconde)</numerusform>
            <numerusform>Arrêter proprement le conteneur (attend jusqu’à %n secondes)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Force stop</source>
        <translation>&amp;Forcer l’arrêt</translation>
    </message>
    <message>
        <source>Kill the container at once, without a clean shutdown</source>
        <translation>Tuer le conteneur tout de suite, sans arrêt propre</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>Redé&amp;marrer</translation>
    </message>
    <message>
        <source>&amp;Snapshot…</source>
        <translation>&amp;Instantané…</translation>
    </message>
    <message>
        <source>Restore s&amp;napshot…</source>
        <translation>Res&amp;taurer un instantané…</translation>
    </message>
    <message>
        <source>&amp;Delete snapshot…</source>
        <translation>&amp;Supprimer un instantané…</translation>
    </message>
    <message>
        <source>Snapshot sc&amp;hedule…</source>
        <translation>&amp;Planification des instantanés…</translation>
    </message>
    <message>
        <source>Re&amp;plicate to backup</source>
        <translation>Répli&amp;quer vers le backup</translation>
    </message>
    <message>
        <source>H&amp;ost:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Conteneurs</translation>
    </message>
    <message>
        <source>Sna&amp;pshot:</source>
        <translation>Instantan&amp;é :</translation>
    </message>
    <message>
        <source>No LXD on %1.</source>
        <translation>Pas de LXD sur %1.</translation>
    </message>
    <message>
        <source>Cannot list the containers of %1.</source>
        <translation>Impossible de lister les conteneurs de %1.</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>Démarrage de %1…</translation>
    </message>
    <message numerus="yes">
        <source>Stopping %1 (waiting up to %n second(s) for a clean shutdown)…</source>
        <translation>
            <numerusform>Arrêt de %1 (attente d’un arrêt propre jusqu’à %n seconde)…</numerusform>
            <numerusform>Arrêt de %1 (attente d’un arrêt propre jusqu’à %n secondes)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Forcing %1 to stop…</source>
        <translation>Arrêt forcé de %1…</translation>
    </message>
    <message>
        <source>Restarting %1…</source>
        <translation>Redémarrage de %1…</translation>
    </message>
    <message>
        <source>Taking the snapshot %1 of %2…</source>
        <translation>Prise de l’instantané %1 de %2…</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>Restaurer %1</translation>
    </message>
    <message>
        <source>Restore %1 to its snapshot %2?</source>
        <translation>Restaurer %1 à son instantané %2 ?</translation>
    </message>
    <message>
        <source>Everything written in %1 since that snapshot is replaced. Relais first takes a safety snapshot of the current state (kept 7 days), so this can be undone.</source>
        <translation>Tout ce qui a été écrit dans %1 depuis cet instantané est remplacé. Relais prend d’abord un instantané de sécurité de l’état actuel (gardé 7 jours) : la restauration peut donc être annulée.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Restoring %1 to %2…</source>
        <translation>Restauration de %1 vers %2…</translation>
    </message>
    <message>
        <source>Delete snapshot</source>
        <translation>Supprimer l’instantané</translation>
    </message>
    <message>
        <source>Delete the snapshot %1 of %2?</source>
        <translation>Supprimer l’instantané %1 de %2 ?</translation>
    </message>
    <message>
        <source>The snapshot cannot be brought back.</source>
        <translation>L’instantané ne pourra pas être récupéré.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Deleting the snapshot %1 of %2…</source>
        <translation>Suppression de l’instantané %1 de %2…</translation>
    </message>
    <message>
        <source>Reading the snapshot settings of %1…</source>
        <translation>Lecture des réglages d’instantanés de %1…</translation>
    </message>
    <message>
        <source>Cannot read the snapshot settings of %1.</source>
        <translation>Impossible de lire les réglages d’instantanés de %1.</translation>
    </message>
    <message>
        <source>Saving the snapshot settings of %1…</source>
        <translation>Enregistrement des réglages d’instantanés de %1…</translation>
    </message>
    <message>
        <source>Cannot replicate %1.</source>
        <translation>Impossible de répliquer %1.</translation>
    </message>
    <message>
        <source>Replicating %1 to the backup…</source>
        <translation>Réplication de %1 vers le backup…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1 : terminé.</translation>
    </message>
    <message>
        <source>Safety snapshot: %1.</source>
        <translation>Instantané de sécurité : %1.</translation>
    </message>
    <message>
        <source>the vault was locked.</source>
        <translation>le coffre était verrouillé.</translation>
    </message>
    <message>
        <source>What you typed is kept: choose Snapshot schedule… again to save it.</source>
        <translation>Ce que vous avez saisi est conservé : choisissez à nouveau Planification des instantanés… pour l’enregistrer.</translation>
    </message>
    <message>
        <source>the view shows %1 now.</source>
        <translation>la vue affiche maintenant %1.</translation>
    </message>
    <message>
        <source>The snapshot settings of %1 were not saved: %2 What you typed is kept: choose Snapshot schedule… again to save it.</source>
        <translation>Les réglages d’instantanés de %1 n’ont pas été enregistrés : %2 Ce que vous avez saisi est conservé : choisissez à nouveau Planification des instantanés… pour l’enregistrer.</translation>
    </message>
    <message>
        <source>The snapshot settings of %1 will be saved when the running action ends.</source>
        <translation>Les réglages d’instantanés de %1 seront enregistrés à la fin de l’action en cours.</translation>
    </message>
</context>
<context>
    <name>relais::CredentialDialog</name>
    <message>
        <source>Add a Credential</source>
        <translation>Ajouter un identifiant</translation>
    </message>
    <message>
        <source>Import an SSH Key</source>
        <translation>Importer une clé SSH</translation>
    </message>
    <message>
        <source>Generate an SSH Key</source>
        <translation>Générer une clé SSH</translation>
    </message>
    <message>
        <source>main-ssh-key</source>
        <translation>cle-ssh-main</translation>
    </message>
    <message>
        <source>How site documents refer to it: 1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or a digit.</source>
        <translation>Le nom que lui donnent les documents de site : 1 à 64 caractères parmi a-z, 0-9, « . », « _ » et « - », commençant par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <source>Key of the main server</source>
        <translation>Clé du serveur principal</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé :</translation>
    </message>
    <message>
        <source>Read from &amp;File…</source>
        <translation>Lire depuis un &amp;fichier…</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Secret :</translation>
    </message>
    <message>
        <source>A new ed25519 key is made and kept in the vault. Its public line is shown afterwards, to add to ~/.ssh/authorized_keys on the servers.</source>
        <translation>Une nouvelle clé ed25519 est créée et gardée dans le coffre. Sa ligne publique est affichée ensuite, à ajouter à ~/.ssh/authorized_keys sur les serveurs.</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Read the Secret from a File</source>
        <translation>Lire le secret depuis un fichier</translation>
    </message>
    <message numerus="yes">
        <source>%n bytes read from %1.</source>
        <translation>
            <numerusform>%n octet lu depuis %1.</numerusform>
            <numerusform>%n octets lus depuis %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The id must be 1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or a digit.</source>
        <translation>L’identifiant doit compter 1 à 64 caractères parmi a-z, 0-9, « . », « _ » et « - », et commencer par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <source>The vault already holds a credential with the id %1. Choose another id.</source>
        <translation>Le coffre contient déjà un identifiant %1. Choisissez-en un autre.</translation>
    </message>
    <message>
        <source>Type the secret, or read it from a file.</source>
        <translation>Tapez le secret, ou lisez-le depuis un fichier.</translation>
    </message>
</context>
<context>
    <name>relais::CredentialsDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Import Key File…</source>
        <translation>&amp;Importer un fichier de clé…</translation>
    </message>
    <message>
        <source>&amp;Generate Key…</source>
        <translation>&amp;Générer une clé…</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>A&amp;fficher</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>Add a password, token, TSIG key, key or certificate</source>
        <translation>Ajouter un mot de passe, un jeton, une clé TSIG, une clé ou un certificat</translation>
    </message>
    <message>
        <source>Keep an existing SSH private key file in the vault</source>
        <translation>Garder dans le coffre un fichier de clé privée SSH existant</translation>
    </message>
    <message>
        <source>Make a new ed25519 SSH key and keep it in the vault</source>
        <translation>Créer une nouvelle clé SSH ed25519 et la garder dans le coffre</translation>
    </message>
    <message>
        <source>Show the secret of the selected credential for 30 seconds</source>
        <translation>Afficher le secret de l’identifiant choisi pendant 30 secondes</translation>
    </message>
    <message>
        <source>Delete the selected credential (Delete key)</source>
        <translation>Supprimer l’identifiant choisi (touche Suppr)</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>C&amp;opier</translation>
    </message>
    <message>
        <source>The credentials cannot be listed.</source>
        <translation>Les identifiants ne peuvent pas être listés.</translation>
    </message>
    <message>
        <source>Import an SSH Private Key</source>
        <translation>Importer une clé privée SSH</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>%1 is not an SSH private key Relais can use.</source>
        <translation>%1 n’est pas une clé privée SSH utilisable par Relais.</translation>
    </message>
    <message>
        <source>%1 key from %2, fingerprint %3</source>
        <translation>Clé %1 de %2, empreinte %3</translation>
    </message>
    <message>
        <source>Imported. Its public line, for ~/.ssh/authorized_keys on the servers it opens:</source>
        <translation>Importée. Sa ligne publique, pour ~/.ssh/authorized_keys sur les serveurs qu’elle ouvre :</translation>
    </message>
    <message>
        <source>No key was made.</source>
        <translation>Aucune clé n’a été créée.</translation>
    </message>
    <message>
        <source>New ed25519 key kept in the vault. Add this line to ~/.ssh/authorized_keys on each server it should open:</source>
        <translation>Nouvelle clé ed25519 gardée dans le coffre. Ajoutez cette ligne à ~/.ssh/authorized_keys sur chaque serveur qu’elle doit ouvrir :</translation>
    </message>
    <message>
        <source>%1 was not added.</source>
        <translation>%1 n’a pas été ajouté.</translation>
    </message>
    <message>
        <source>The secret of %1 cannot be shown.</source>
        <translation>Le secret de %1 ne peut pas être affiché.</translation>
    </message>
    <message numerus="yes">
        <source>Secret of %1, hidden again in %n seconds or when the selection changes:</source>
        <translation>
            <numerusform>Secret de %1, masqué à nouveau dans %n seconde ou quand la sélection change :</numerusform>
            <numerusform>Secret de %1, masqué à nouveau dans %n secondes ou quand la sélection change :</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete a Credential</source>
        <translation>Supprimer un identifiant</translation>
    </message>
    <message>
        <source>Delete “%1” (%2) from the vault?</source>
        <translation>Supprimer « %1 » (%2) du coffre ?</translation>
    </message>
    <message>
        <source>Sites that use it can no longer connect with it. This cannot be undone, except from the vault's .bak file.</source>
        <translation>Les sites qui l’utilisent ne pourront plus s’en servir pour se connecter. Impossible d’annuler, sauf depuis le fichier .bak du coffre.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>%1 was not deleted.</source>
        <translation>%1 n’a pas été supprimé.</translation>
    </message>
</context>
<context>
    <name>relais::DashboardView</name>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>No service is described in this site.</source>
        <translation>Aucun service n’est décrit dans ce site.</translation>
    </message>
    <message numerus="yes">
        <source>Data loss at most %n minute(s) (RPO)</source>
        <translation>
            <numerusform>Perte de données d’au plus %n minute (RPO)</numerusform>
            <numerusform>Perte de données d’au plus %n minutes (RPO)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Back in service within %n minute(s) (RTO)</source>
        <translation>
            <numerusform>Remise en service en %n minute au plus (RTO)</numerusform>
            <numerusform>Remise en service en %n minutes au plus (RTO)</numerusform>
        </translation>
    </message>
    <message>
        <source>State changes</source>
        <translation>Changements d’état</translation>
    </message>
    <message>
        <source>Probes</source>
        <translation>Sondes</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Événements</translation>
    </message>
    <message>
        <source>&amp;Probes</source>
        <translation>&amp;Sondes</translation>
    </message>
    <message>
        <source>DNS record %1 (%2, TTL %3 s)</source>
        <translation>enregistrement DNS %1 (%2, TTL %3 s)</translation>
    </message>
    <message>
        <source>containers: %1</source>
        <translation>conteneurs : %1</translation>
    </message>
    <message>
        <source>no DNS record or container described</source>
        <translation>aucun enregistrement DNS ni conteneur décrit</translation>
    </message>
    <message>
        <source>No DNS record is described for this service.</source>
        <translation>Aucun enregistrement DNS n’est décrit pour ce service.</translation>
    </message>
    <message>
        <source>%1 → not checked</source>
        <translation>%1 → non vérifié</translation>
    </message>
    <message>
        <source>%1 → not checked: the service has no DNS probe</source>
        <translation>%1 → non vérifié : le service n’a pas de sonde DNS</translation>
    </message>
    <message>
        <source>%1 → not checked yet</source>
        <translation>%1 → pas encore vérifié</translation>
    </message>
    <message>
        <source>%1 → main (%2)</source>
        <translation>%1 → principal (%2)</translation>
    </message>
    <message>
        <source>%1 → backup (%2)</source>
        <translation>%1 → secours (%2)</translation>
    </message>
    <message>
        <source>%1 → neither side (%2)</source>
        <translation>%1 → aucun des deux côtés (%2)</translation>
    </message>
    <message>
        <source>%1 → unknown: %2</source>
        <translation>%1 → inconnu : %2</translation>
    </message>
    <message>
        <source>Run &amp;rehearsal now</source>
        <translation>Lancer la &amp;répétition maintenant</translation>
    </message>
    <message>
        <source>This site has no recovery plan ("plan" in its document).</source>
        <translation>Ce site n’a pas de plan de reprise ("plan" dans son document).</translation>
    </message>
    <message>
        <source>Rehearse the recovery plan on isolated clones on backup; production is not touched.</source>
        <translation>Répéter le plan de reprise sur des clones isolés sur backup ; la production n’est pas touchée.</translation>
    </message>
</context>
<context>
    <name>relais::DnsCommand</name>
    <message>
        <source>no address</source>
        <translation>aucune adresse</translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation>Le document de site.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>The service whose record is read or switched.</source>
        <translation>Le service dont l’enregistrement est lu ou basculé.</translation>
    </message>
    <message>
        <source>Unknown dns command: %1</source>
        <translation>Commande dns inconnue : %1</translation>
    </message>
    <message>
        <source>Usage: relaisctl dns show --site FILE SERVICE</source>
        <translation>Usage : relaisctl dns show --site FICHIER SERVICE</translation>
    </message>
    <message>
        <source>main or backup.</source>
        <translation>main ou backup.</translation>
    </message>
    <message>
        <source>SIDE</source>
        <translation>CÔTÉ</translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation>Lire la phrase de passe du coffre dans FICHIER (sa première ligne). Sans cette option, elle vient de la variable d’environnement RELAIS_VAULT_PASSPHRASE, sinon elle est demandée sur le terminal.</translation>
    </message>
    <message>
        <source>Usage: relaisctl dns switch --site FILE SERVICE --to main|backup</source>
        <translation>Usage : relaisctl dns switch --site FICHIER SERVICE --to main|backup</translation>
    </message>
    <message>
        <source>Unknown side "%1": use main or backup.</source>
        <translation>Côté « %1 » inconnu : utilisez main ou backup.</translation>
    </message>
    <message>
        <source>The DNS record of service "%1" has no TSIG key ("tsig") in the site: Relais only sends signed updates.</source>
        <translation>L’enregistrement DNS du service « %1 » n’a pas de clé TSIG (« tsig ») dans le site : Relais n’envoie que des mises à jour signées.</translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation>Impossible d’utiliser le site %1 : %2</translation>
    </message>
    <message>
        <source>The site has no service "%1" (it has: %2).</source>
        <translation>Le site n’a pas de service « %1 » (il a : %2).</translation>
    </message>
    <message>
        <source>The DNS record of service "%1" has type %2; only A and AAAA records are switched.</source>
        <translation>L’enregistrement DNS du service « %1 » est de type %2 ; seuls les enregistrements A et AAAA sont basculés.</translation>
    </message>
    <message>
        <source>main</source>
        <translation>main</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>backup</translation>
    </message>
    <message>
        <source>neither side</source>
        <translation>aucun côté</translation>
    </message>
    <message>
        <source>Give up each request after SECONDS (default: 5).</source>
        <translation>Abandonner chaque requête après SECONDES (par défaut : 5).</translation>
    </message>
    <message>
        <source>--%1 must be a whole number of seconds from %2 to %3.</source>
        <translation>--%1 doit être un nombre entier de secondes de %2 à %3.</translation>
    </message>
    <message>
        <source>Ask the DNS provider of a service's record what it holds: the addresses, their TTL and the side (main or backup) they point to.</source>
        <translation>Demander au fournisseur DNS de l’enregistrement d’un service ce qu’il contient : les adresses, leur TTL et le côté (main ou backup) vers lequel elles pointent.</translation>
    </message>
    <message>
        <source>Cannot read the record of "%1": %2</source>
        <translation>Impossible de lire l’enregistrement de "%1" : %2</translation>
    </message>
    <message>
        <source>Point a service's record to main or backup through its DNS provider. The record is read first: nothing is sent when it already points to that side, nothing is changed when it points to neither side. A planned switch lowers the TTL, waits the old TTL out, then changes the address; --emergency changes it at once. The change fails if the record changes meanwhile. Then each authoritative server (the site's "verify" list, else the zone's NS records) is asked until all answer the new address.</source>
        <translation>Faire pointer l’enregistrement d’un service vers main ou backup via son fournisseur DNS. L’enregistrement est lu d’abord : rien n’est envoyé s’il pointe déjà vers ce côté, rien n’est modifié s’il ne pointe vers aucun des deux côtés. Une bascule planifiée abaisse le TTL, attend l’expiration de l’ancien TTL, puis change l’adresse ; --emergency la change immédiatement. La modification échoue si l’enregistrement change entre-temps. Ensuite chaque serveur faisant autorité (la liste "verify" du site, sinon les enregistrements NS de la zone) est interrogé jusqu’à ce que tous renvoient la nouvelle adresse.</translation>
    </message>
    <message>
        <source>Change the address at once, without lowering the TTL and waiting the old one out.</source>
        <translation>Changer l’adresse immédiatement, sans abaisser le TTL ni attendre l’expiration de l’ancien.</translation>
    </message>
    <message>
        <source>The TTL a planned switch sets first (default: 30, or the record's TTL if lower).</source>
        <translation>Le TTL qu’une bascule planifiée fixe d’abord (par défaut : 30, ou le TTL de l’enregistrement s’il est plus bas).</translation>
    </message>
    <message>
        <source>Give up verifying the authoritative servers after SECONDS (default: 120).</source>
        <translation>Abandonner la vérification des serveurs faisant autorité après SECONDES (par défaut : 120).</translation>
    </message>
    <message>
        <source>The vault with the provider's credentials (default: the site's "vault", else %1).</source>
        <translation>Le coffre contenant les identifiants du fournisseur (par défaut : "vault" du site, sinon %1).</translation>
    </message>
    <message>
        <source>Cannot switch "%1": %2</source>
        <translation>Impossible de basculer "%1" : %2</translation>
    </message>
    <message>
        <source>Warning: this switch is not recorded in the history: %1</source>
        <translation>Avertissement : cette bascule n’est pas enregistrée dans l’historique : %1</translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation>%1 port %2</translation>
    </message>
    <message>
        <source>%1 %2 at %3: %4, TTL %5, points to %6</source>
        <translation>%1 %2 sur %3 : %4, TTL %5, pointe vers %6</translation>
    </message>
    <message>
        <source>Cannot read %1 %2: %3</source>
        <translation>Impossible de lire %1 %2 : %3</translation>
    </message>
    <message>
        <source>Lowering the TTL of %1 to %2 s first.</source>
        <translation>Abaissement préalable du TTL de %1 à %2 s.</translation>
    </message>
    <message>
        <source>TTL lowered; waiting for the old TTL to run out in caches.</source>
        <translation>TTL abaissé ; attente de l’expiration de l’ancien TTL dans les caches.</translation>
    </message>
    <message>
        <source>Pointing %1 to %2 (%3).</source>
        <translation>%1 pointé vers %2 (%3).</translation>
    </message>
    <message>
        <source>Looking up the authoritative servers of %1.</source>
        <translation>Recherche des serveurs faisant autorité pour %1.</translation>
    </message>
    <message>
        <source>Verifying at the authoritative servers.</source>
        <translation>Vérification auprès des serveurs faisant autorité.</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) left before the address is changed.</source>
        <translation>
            <numerusform>%n seconde restante avant le changement d’adresse.</numerusform>
            <numerusform>%n secondes restantes avant le changement d’adresse.</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 answers %2 (after %3 ms)</source>
        <translation>  %1 répond %2 (après %3 ms)</translation>
    </message>
    <message>
        <source>Nothing changed: %1</source>
        <translation>Rien n’a changé : %1</translation>
    </message>
    <message>
        <source>The switch of %2 to %3 failed: %1</source>
        <translation>La bascule de %2 vers %3 a échoué : %1</translation>
    </message>
    <message>
        <source>Already switched: %1 %2 holds %3 (TTL %4), it points to %5; nothing was sent.</source>
        <translation>Déjà basculé : %1 %2 contient %3 (TTL %4), il pointe vers %5 ; rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>Switched %1 %2 to %3 (%4), TTL %5: the provider confirmed in %6 ms.</source>
        <translation>%1 %2 basculé vers %3 (%4), TTL %5 : le fournisseur a confirmé en %6 ms.</translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n server(s) answer the new address; converged in %1 ms.</source>
        <translation>
            <numerusform>Vérifié : %n serveur renvoie la nouvelle adresse ; convergence en %1 ms.</numerusform>
            <numerusform>Vérifié : %n serveurs renvoient la nouvelle adresse ; convergence en %1 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: relaisctl dns show|switch [OPTIONS]
  dns show --site FILE SERVICE
  dns switch --site FILE SERVICE --to main|backup [--emergency]
Both take --vault FILE and --passphrase-file FILE as "relaisctl vault" does (show needs the vault only for a failover IP).
"relaisctl dns COMMAND --help" describes each command.</source>
        <translation>Utilisation : relaisctl dns show|switch [OPTIONS]
  dns show --site FILE SERVICE
  dns switch --site FILE SERVICE --to main|backup [--emergency]
Les deux acceptent --vault FILE et --passphrase-file FILE comme "relaisctl vault" (show n'a besoin du coffre que pour une IP de bascule).
"relaisctl dns COMMAND --help" décrit chaque commande.</translation>
    </message>
    <message>
        <source>Cannot read where the failover IP of "%1" is routed: %2</source>
        <translation>Impossible de lire où est routée l'IP de bascule de « %1 » : %2</translation>
    </message>
    <message>
        <source>Cannot move the failover IP of "%1": %2</source>
        <translation>Impossible de déplacer l'IP de bascule de « %1 » : %2</translation>
    </message>
    <message>
        <source>Moving the failover IP %1 to %2's server %3 through the OVH API.</source>
        <translation>Déplacement de l'IP de bascule %1 vers le serveur %3 de %2 via l'API OVH.</translation>
    </message>
    <message>
        <source>  OVH task: %1</source>
        <translation>  Tâche OVH : %1</translation>
    </message>
    <message>
        <source>Warning: this move is not recorded in the history: %1</source>
        <translation>Avertissement : ce déplacement n'est pas enregistré dans l'historique : %1</translation>
    </message>
    <message>
        <source>The move of the failover IP %1 to %2 failed: %3</source>
        <translation>Le déplacement de l'IP de bascule %1 vers %2 a échoué : %3</translation>
    </message>
    <message>
        <source>Already switched: the failover IP %1 is routed to %2 (%3); nothing was asked.</source>
        <translation>Déjà basculée : l'IP de bascule %1 est routée vers %2 (%3) ; rien n'a été demandé.</translation>
    </message>
    <message>
        <source>Moved the failover IP %1 from %2 to %3 (%4) in %5 ms.</source>
        <translation>IP de bascule %1 déplacée de %2 vers %3 (%4) en %5 ms.</translation>
    </message>
    <message>
        <source>Cannot read where the failover IP %1 is routed: %2</source>
        <translation>Impossible de lire où est routée l'IP de bascule %1 : %2</translation>
    </message>
    <message>
        <source>Failover IP %1: routed to %2, points to %3</source>
        <translation>IP de bascule %1 : routée vers %2, pointe vers %3</translation>
    </message>
    <message>
        <source>The service "%1" has neither a DNS record nor a failover IP in the site.</source>
        <translation>Le service « %1 » n'a ni enregistrement DNS ni IP de bascule dans le site.</translation>
    </message>
</context>
<context>
    <name>relais::DnsHistoryModel</name>
    <message>
        <source>main</source>
        <translation>main</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>backup</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>neither side</source>
        <translation>aucun côté</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planifiée</translation>
    </message>
    <message>
        <source>emergency</source>
        <translation>urgence</translation>
    </message>
    <message>
        <source>switched</source>
        <translation>basculé</translation>
    </message>
    <message>
        <source>already switched</source>
        <translation>déjà basculé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Bascule</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation>Convergence</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>relais::DnsServerModel</name>
    <message>
        <source>no record</source>
        <translation>aucun enregistrement</translation>
    </message>
    <message>
        <source>main</source>
        <translation>main</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>backup</translation>
    </message>
    <message>
        <source>neither side</source>
        <translation>aucun côté</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>yes, after %1 ms</source>
        <translation>oui, après %1 ms</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Points to</source>
        <translation>Pointe vers</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>Nouvelle adresse</translation>
    </message>
</context>
<context>
    <name>relais::DnsSwitchDialog</name>
    <message>
        <source>main</source>
        <translation>main</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>backup</translation>
    </message>
    <message>
        <source>Switch %1 to %2</source>
        <translation>Basculer %1 vers %2</translation>
    </message>
    <message>
        <source>Point %1 to %2? Users reach the %2 side as their resolvers pick up the change.</source>
        <translation>Faire pointer %1 vers %2 ? Les utilisateurs atteignent le côté %2 à mesure que leurs résolveurs prennent en compte le changement.</translation>
    </message>
    <message>
        <source>&amp;Planned: lower the TTL first, wait the old TTL (%1 s) out, then change the address</source>
        <translation>&amp;Planifiée : abaisser d’abord le TTL, attendre l’expiration de l’ancien TTL (%1 s), puis changer l’adresse</translation>
    </message>
    <message>
        <source>&amp;Planned: lower the TTL first, wait the old TTL out, then change the address</source>
        <translation>&amp;Planifiée : abaisser d’abord le TTL, attendre l’expiration de l’ancien TTL, puis changer l’adresse</translation>
    </message>
    <message>
        <source>&amp;Emergency: change the address now</source>
        <translation>&amp;Urgence : changer l’adresse maintenant</translation>
    </message>
    <message>
        <source>&amp;Switch to %1</source>
        <translation>&amp;Basculer vers %1</translation>
    </message>
</context>
<context>
    <name>relais::DnsSwitchStepJob</name>
    <message>
        <source>main</source>
        <translation>main</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>backup</translation>
    </message>
    <message>
        <source>%1 answers %2 (after %3 ms).</source>
        <translation>%1 répond %2 (après %3 ms).</translation>
    </message>
    <message>
        <source>The plan has no drill record ("drill_record").</source>
        <translation>Le plan n'a pas d'enregistrement d'exercice ("drill_record").</translation>
    </message>
    <message>
        <source>The drill record cannot be the zone's apex: production lives there.</source>
        <translation>L'enregistrement d'exercice ne peut pas être l'apex de la zone : la production s'y trouve.</translation>
    </message>
    <message>
        <source>The drill record %1 is the record of the service "%2": a rehearsal never touches production.</source>
        <translation>L'enregistrement d'exercice %1 est l'enregistrement du service « %2 » : une répétition ne touche jamais la production.</translation>
    </message>
    <message>
        <source>Pointing %1 at %2 (%3).</source>
        <translation>Redirection de %1 vers %2 (%3).</translation>
    </message>
    <message>
        <source>Changing %1 from %2.</source>
        <translation>Modification de %1 (actuellement %2).</translation>
    </message>
    <message>
        <source>Looking up the authoritative servers of %1.</source>
        <translation>Recherche des serveurs faisant autorité pour %1.</translation>
    </message>
    <message>
        <source>Verifying at the authoritative servers.</source>
        <translation>Vérification auprès des serveurs faisant autorité.</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Annulé : %1</translation>
    </message>
    <message>
        <source>%1 already points at %2: nothing was changed.</source>
        <translation>%1 pointe déjà vers %2 : rien n'a été modifié.</translation>
    </message>
    <message numerus="yes">
        <source>%1 points at %2 (%3): the provider confirmed in %4 ms; %n server(s) answer it, converged in %5 ms.</source>
        <translation>
            <numerusform>%1 pointe vers %2 (%3) : le fournisseur a confirmé en %4 ms ; %n serveur le renvoie, convergence en %5 ms.</numerusform>
            <numerusform>%1 pointe vers %2 (%3) : le fournisseur a confirmé en %4 ms ; %n serveurs le renvoient, convergence en %5 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answers no address for %2 (after %3 ms).</source>
        <translation>%1 ne répond aucune adresse pour %2 (après %3 ms).</translation>
    </message>
    <message>
        <source>Removing drill record %1 (this drill created it).</source>
        <translation>Suppression de l’enregistrement d’exercice %1 (cet exercice l’a créé).</translation>
    </message>
    <message>
        <source>Putting drill record %1 back at %2 (%3), as it was before the drill.</source>
        <translation>Remise de l’enregistrement d’exercice %1 sur %2 (%3), comme avant l’exercice.</translation>
    </message>
    <message>
        <source>Reading drill record %1.</source>
        <translation>Lecture de l’enregistrement d’exercice %1.</translation>
    </message>
    <message>
        <source>Creating drill record %1 → backup (%2).</source>
        <translation>Création de l’enregistrement d’exercice %1 → backup (%2).</translation>
    </message>
    <message>
        <source>Drill record %1 exists and points at main (%2): moving it to backup (%3); it is put back at main afterwards.</source>
        <translation>L’enregistrement d’exercice %1 existe et pointe vers main (%2) : il est déplacé vers backup (%3) ; il sera remis sur main ensuite.</translation>
    </message>
    <message>
        <source>Drill record %1 exists and already points at backup (%2); it is left so afterwards.</source>
        <translation>L’enregistrement d’exercice %1 existe et pointe déjà vers backup (%2) ; il restera ainsi ensuite.</translation>
    </message>
    <message>
        <source>The drill record %1 holds an address Relais did not put there; it is never overwritten: %2</source>
        <translation>L’enregistrement d’exercice %1 contient une adresse que Relais n’y a pas mise ; il n’est jamais écrasé : %2</translation>
    </message>
    <message>
        <source>Drill record %1 does not exist: nothing to remove.</source>
        <translation>L’enregistrement d’exercice %1 n’existe pas : rien à supprimer.</translation>
    </message>
    <message numerus="yes">
        <source>Drill record %1 removed: the provider confirmed in %2 ms; %n server(s) no longer answer it, converged in %3 ms.</source>
        <translation>
            <numerusform>Enregistrement d’exercice %1 supprimé : le fournisseur a confirmé en %2 ms ; %n serveur ne le sert plus, convergence en %3 ms.</numerusform>
            <numerusform>Enregistrement d’exercice %1 supprimé : le fournisseur a confirmé en %2 ms ; %n serveurs ne le servent plus, convergence en %3 ms.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drill record %1 created, pointing at backup (%2): the provider confirmed in %3 ms; %n server(s) answer it, converged in %4 ms.</source>
        <translation>
            <numerusform>Enregistrement d’exercice %1 créé, pointant vers backup (%2) : le fournisseur a confirmé en %3 ms ; %n serveur le sert, convergence en %4 ms.</numerusform>
            <numerusform>Enregistrement d’exercice %1 créé, pointant vers backup (%2) : le fournisseur a confirmé en %3 ms ; %n serveurs le servent, convergence en %4 ms.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::DnsView</name>
    <message>
        <source>main</source>
        <translation>main</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>backup</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Switch to &amp;backup</source>
        <translation>Basculer vers &amp;backup</translation>
    </message>
    <message>
        <source>Switch to &amp;main</source>
        <translation>Basculer vers &amp;main</translation>
    </message>
    <message>
        <source>&amp;Cancel switch</source>
        <translation>&amp;Annuler la bascule</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Authoritative servers</source>
        <translation>Serveurs faisant autorité</translation>
    </message>
    <message>
        <source>Switch history</source>
        <translation>Historique des bascules</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service :</translation>
    </message>
    <message>
        <source>Record: %1 %2</source>
        <translation>Enregistrement : %1 %2</translation>
    </message>
    <message>
        <source>Cannot read the record: %1</source>
        <translation>Impossible de lire l’enregistrement : %1</translation>
    </message>
    <message>
        <source>Reading the record from %1…</source>
        <translation>Lecture de l’enregistrement depuis %1…</translation>
    </message>
    <message>
        <source>The provider holds no such record.</source>
        <translation>Le fournisseur ne contient pas cet enregistrement.</translation>
    </message>
    <message>
        <source>Points to %1 (%2), TTL %3 s</source>
        <translation>Pointe vers %1 (%2), TTL %3 s</translation>
    </message>
    <message>
        <source>Cannot switch: %1</source>
        <translation>Bascule impossible : %1</translation>
    </message>
    <message>
        <source>Unlock the vault to switch: the provider's credentials are in it.</source>
        <translation>Déverrouillez le coffre pour basculer : les identifiants du fournisseur s’y trouvent.</translation>
    </message>
    <message>
        <source>Reading the record…</source>
        <translation>Lecture de l’enregistrement…</translation>
    </message>
    <message>
        <source>Lowering the TTL to %1 s…</source>
        <translation>Abaissement du TTL à %1 s…</translation>
    </message>
    <message>
        <source>TTL lowered to %1 s; waiting for the old TTL to run out…</source>
        <translation>TTL abaissé à %1 s ; attente de l’expiration de l’ancien TTL…</translation>
    </message>
    <message>
        <source>Pointing %1 to %2 (%3)…</source>
        <translation>Redirection de %1 vers %2 (%3)…</translation>
    </message>
    <message>
        <source>Looking up the authoritative servers…</source>
        <translation>Recherche des serveurs faisant autorité…</translation>
    </message>
    <message>
        <source>Waiting for every authoritative server to answer %1…</source>
        <translation>Attente que chaque serveur faisant autorité réponde %1…</translation>
    </message>
    <message numerus="yes">
        <source>TTL lowered to %1 s; the address changes in %n second(s).</source>
        <translation>
            <numerusform>TTL abaissé à %1 s ; l’adresse change dans %n seconde.</numerusform>
            <numerusform>TTL abaissé à %1 s ; l’adresse change dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Switch cancelled: %1</source>
        <translation>Bascule annulée : %1</translation>
    </message>
    <message>
        <source>Switch failed: %1</source>
        <translation>Échec de la bascule : %1</translation>
    </message>
    <message>
        <source>Already switched: %1 points to %2; nothing to do.</source>
        <translation>Déjà basculé : %1 pointe vers %2 ; rien à faire.</translation>
    </message>
    <message numerus="yes">
        <source>Switched to %1: %n server(s) answer %2, converged in %3 s.</source>
        <translation>
            <numerusform>Basculé vers %1 : %n serveur répond %2, convergence en %3 s.</numerusform>
            <numerusform>Basculé vers %1 : %n serveurs répondent %2, convergence en %3 s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Failover IP %1: unlock the vault to see which server it is routed to.</source>
        <translation>IP de bascule %1 : déverrouillez le coffre pour voir vers quel serveur elle est routée.</translation>
    </message>
    <message>
        <source>Failover IP %1: cannot ask OVH where it is routed: %2</source>
        <translation>IP de bascule %1 : impossible de demander à OVH où elle est routée : %2</translation>
    </message>
    <message>
        <source>Failover IP %1: asking OVH where it is routed…</source>
        <translation>IP de bascule %1 : interrogation d'OVH sur son routage…</translation>
    </message>
    <message>
        <source>neither side</source>
        <translation>aucun des deux côtés</translation>
    </message>
    <message>
        <source>Failover IP %1: routed to %2, points to %3.</source>
        <translation>IP de bascule %1 : routée vers %2, pointe vers %3.</translation>
    </message>
    <message>
        <source>No service of this site has a DNS record or a failover IP.</source>
        <translation>Aucun service de ce site n'a d'enregistrement DNS ni d'IP de bascule.</translation>
    </message>
    <message>
        <source>No DNS record: this service follows the active side by its failover IP (%1 for main, %2 for backup).</source>
        <translation>Aucun enregistrement DNS : ce service suit le côté actif par son IP de bascule (%1 pour main, %2 pour backup).</translation>
    </message>
    <message>
        <source>the failover IP %1</source>
        <translation>l'IP de bascule %1</translation>
    </message>
    <message>
        <source>Cannot move the failover IP: %1</source>
        <translation>Impossible de déplacer l'IP de bascule : %1</translation>
    </message>
    <message>
        <source>Moving the failover IP %1 to %2's server %3…</source>
        <translation>Déplacement de l'IP de bascule %1 vers le serveur %3 de %2…</translation>
    </message>
    <message>
        <source>(OVH task: %1)</source>
        <translation>(tâche OVH : %1)</translation>
    </message>
    <message>
        <source>Move of the failover IP cancelled: %1</source>
        <translation>Déplacement de l'IP de bascule annulé : %1</translation>
    </message>
    <message>
        <source>Move of the failover IP failed: %1</source>
        <translation>Échec du déplacement de l'IP de bascule : %1</translation>
    </message>
    <message>
        <source>Already switched: the failover IP %1 is routed to %2 (%3); nothing to do.</source>
        <translation>Déjà basculée : l'IP de bascule %1 est routée vers %2 (%3) ; rien à faire.</translation>
    </message>
    <message>
        <source>Moved the failover IP %1 to %2 (%3) in %4 s.</source>
        <translation>IP de bascule %1 déplacée vers %2 (%3) en %4 s.</translation>
    </message>
</context>
<context>
    <name>relais::DrillHistoryModel</name>
    <message>
        <source>not measured</source>
        <translation>non mesuré</translation>
    </message>
    <message>
        <source>%1 (met)</source>
        <translation>%1 (atteint)</translation>
    </message>
    <message>
        <source>%1 (missed)</source>
        <translation>%1 (manqué)</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>RTO</source>
        <translation>RTO</translation>
    </message>
    <message>
        <source>RPO</source>
        <translation>RPO</translation>
    </message>
</context>
<context>
    <name>relais::DrillRunCommand</name>
    <message>
        <source>Resume the drill that was left unfinished (Relais stopped in the middle of it): the steps that succeeded are not run again, the others are, then the cleanups.</source>
        <translation>Reprendre l'exercice resté inachevé (Relais s'est arrêté en plein milieu) : les étapes réussies ne sont pas relancées, les autres le sont, puis les nettoyages.</translation>
    </message>
    <message>
        <source>Clean up after the drill that was left unfinished: only its pending cleanups run (clones and drill records removed); it then ends as cancelled.</source>
        <translation>Nettoyer après l'exercice resté inachevé : seuls ses nettoyages en attente sont exécutés (clones et enregistrements d'exercice supprimés) ; il se termine ensuite comme annulé.</translation>
    </message>
    <message>
        <source>Run a drill of the site's recovery plan now, each step live with its duration, then RTO and RPO against the targets. A rehearsal touches nothing in production; a failover or a failback asks for confirmation (--yes). Ctrl-C cancels; what the drill created is still cleaned up.
Exit status: 0 the drill succeeded, 1 it failed or was cancelled, 2 refused or usage error.</source>
        <translation>Lancer maintenant un exercice du plan de reprise du site, chaque étape en direct avec sa durée, puis le RTO et le RPO comparés aux cibles. Une répétition ne touche rien en production ; une bascule ou un retour demande une confirmation (--yes). Ctrl-C annule ; ce que l'exercice a créé est tout de même nettoyé.
Code de sortie : 0 l'exercice a réussi, 1 il a échoué ou a été annulé, 2 refus ou erreur d'utilisation.</translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation>Le document du site.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Print the drill as JSON when it ends.</source>
        <translation>Afficher l'exercice en JSON à la fin.</translation>
    </message>
    <message>
        <source>Do not ask before a failover, a failback or a resume.</source>
        <translation>Ne pas demander de confirmation avant une bascule, un retour ou une reprise.</translation>
    </message>
    <message>
        <source>The vault with the SSH keys (default: the site's "vault", else %1).</source>
        <translation>Le coffre contenant les clés SSH (par défaut : le "vault" du site, sinon %1).</translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line); else from RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation>Lire la phrase de passe du coffre dans FILE (sa première ligne) ; sinon dans RELAIS_VAULT_PASSPHRASE, sinon elle est demandée dans le terminal.</translation>
    </message>
    <message>
        <source>rehearsal (default), failover (planned when main answers, emergency when it is silent), planned-failover, emergency-failover or failback.</source>
        <translation>rehearsal (par défaut), failover (planifiée si main répond, d'urgence s'il ne répond pas), planned-failover, emergency-failover ou failback.</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODE</translation>
    </message>
    <message>
        <source>Fail over even though main still answers: NAME must be the site's name.</source>
        <translation>Basculer même si main répond encore : NAME doit être le nom du site.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The unfinished drill's number (default: the only one).</source>
        <translation>Le numéro de l'exercice inachevé (par défaut : le seul existant).</translation>
    </message>
    <message>
        <source>[ID]</source>
        <translation>[ID]</translation>
    </message>
    <message>
        <source>Missing --site FILE.</source>
        <translation>--site FILE manquant.</translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation>Impossible d'utiliser le site %1 : %2</translation>
    </message>
    <message>
        <source>The site has no recovery plan ("plan" in its document).</source>
        <translation>Le site n'a pas de plan de reprise ("plan" dans son document).</translation>
    </message>
    <message>
        <source>Cannot open the drill journal: %1</source>
        <translation>Impossible d'ouvrir le journal des exercices : %1</translation>
    </message>
    <message>
        <source>Unknown mode "%1": use rehearsal, failover, planned-failover, emergency-failover or failback.</source>
        <translation>Mode « %1 » inconnu : utilisez rehearsal, failover, planned-failover, emergency-failover ou failback.</translation>
    </message>
    <message>
        <source>--force-split-brain must name the site exactly: "%1".</source>
        <translation>--force-split-brain doit nommer le site exactement : "%1".</translation>
    </message>
    <message>
        <source>Cannot read the drill journal: %1</source>
        <translation>Impossible de lire le journal des exercices : %1</translation>
    </message>
    <message>
        <source>Drill #%1 (%2, started %3) was left unfinished. Resume it with "relaisctl drill resume --site %4" or clean up after it with "relaisctl drill cleanup --site %4" first.</source>
        <translation>L'exercice #%1 (%2, commencé le %3) est resté inachevé. Reprenez-le d'abord avec "relaisctl drill resume --site %4" ou nettoyez après lui avec "relaisctl drill cleanup --site %4".</translation>
    </message>
    <message>
        <source>Checking whether main still serves…</source>
        <translation>Vérification que main assure encore le service…</translation>
    </message>
    <message>
        <source>Refused: main answers its probes right now. Failing over while it serves can leave both sides serving different data (split brain). To fail over anyway, add --force-split-brain "%1".</source>
        <translation>Refusé : main répond à ses sondes en ce moment. Basculer pendant qu'il sert peut amener les deux côtés à servir des données différentes (split brain). Pour basculer quand même, ajoutez --force-split-brain "%1".</translation>
    </message>
    <message>
        <source>Main answers: %1.</source>
        <translation>Main répond : %1.</translation>
    </message>
    <message>
        <source>Main is silent: %1.</source>
        <translation>Main ne répond pas : %1.</translation>
    </message>
    <message>
        <source>Main still answered its probes; the failover was forced by naming the site.</source>
        <translation>Main répondait encore à ses sondes ; la bascule a été forcée en nommant le site.</translation>
    </message>
    <message>
        <source>A %1 changes production: add --yes to run it without a terminal.</source>
        <translation>Ce mode (%1) modifie la production : ajoutez --yes pour le lancer sans terminal.</translation>
    </message>
    <message>
        <source>Type yes to run this %1: </source>
        <translation>Tapez yes pour lancer cette opération (%1) : </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Not confirmed; nothing was done.</source>
        <translation>Non confirmé ; rien n'a été fait.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2: %n step(s)</source>
        <translation>
            <numerusform>%1 de %2 : %n étape</numerusform>
            <numerusform>%1 de %2 : %n étapes</numerusform>
        </translation>
    </message>
    <message>
        <source>Notice: %1</source>
        <translation>Remarque : %1</translation>
    </message>
    <message>
        <source>No unfinished drill %1 for this site.</source>
        <translation>Aucun exercice %1 inachevé pour ce site.</translation>
    </message>
    <message>
        <source>No drill of this site was left unfinished; nothing to do.</source>
        <translation>Aucun exercice de ce site n'est resté inachevé ; rien à faire.</translation>
    </message>
    <message numerus="yes">
        <source>%n drills were left unfinished: name one by its number.</source>
        <translation>
            <numerusform>%n exercice est resté inachevé : désignez-le par son numéro.</numerusform>
            <numerusform>%n exercices sont restés inachevés : désignez-en un par son numéro.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resuming drill #%1 (%2).</source>
        <translation>Reprise de l'exercice #%1 (%2).</translation>
    </message>
    <message>
        <source>Cleaning up after drill #%1 (%2).</source>
        <translation>Nettoyage après l'exercice #%1 (%2).</translation>
    </message>
    <message>
        <source>Cancelling: the running step stops; what the drill created is still cleaned up.</source>
        <translation>Annulation : l'étape en cours s'arrête ; ce que l'exercice a créé est tout de même nettoyé.</translation>
    </message>
    <message>
        <source>%1/%2 %3…</source>
        <translation>%1/%2 %3…</translation>
    </message>
    <message>
        <source>%1/%2 %3: %4</source>
        <translation>%1/%2 %3 : %4</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>Review of %1:</source>
        <translation>Examen de %1 :</translation>
    </message>
    <message>
        <source>Confirmed by --yes: copying these changes from backup to main.</source>
        <translation>Confirmé par --yes : copie de ces modifications de backup vers main.</translation>
    </message>
    <message>
        <source>Copying these changes from backup to main needs a confirmation: add --yes to give it without a terminal. The drill is cancelled.</source>
        <translation>La copie de ces modifications de backup vers main nécessite une confirmation : ajoutez --yes pour la donner sans terminal. L'exercice est annulé.</translation>
    </message>
    <message>
        <source>Type yes to copy these changes from backup to main: </source>
        <translation>Tapez yes pour copier ces modifications de backup vers main : </translation>
    </message>
    <message>
        <source>Not confirmed: main is not changed; the drill is cancelled.</source>
        <translation>Non confirmé : main n'est pas modifié ; l'exercice est annulé.</translation>
    </message>
    <message>
        <source>, met</source>
        <translation>, atteint</translation>
    </message>
    <message>
        <source>, MISSED</source>
        <translation>, MANQUÉ</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>non mesuré</translation>
    </message>
    <message>
        <source>Drill #%1 %2: %3 in %4.</source>
        <translation>Exercice #%1 %2 : %3 en %4.</translation>
    </message>
    <message>
        <source>unknown time</source>
        <translation>un temps inconnu</translation>
    </message>
    <message>
        <source>  RTO %1 (target %2 min%3), RPO %4 (target %5 min%6).</source>
        <translation>  RTO %1 (objectif %2 min%3), RPO %4 (objectif %5 min%6).</translation>
    </message>
    <message>
        <source>  Report: relaisctl drill report --site %1 %2</source>
        <translation>  Rapport : relaisctl drill report --site %1 %2</translation>
    </message>
    <message>
        <source>Told channel %1.</source>
        <translation>Canal %1 prévenu.</translation>
    </message>
    <message>
        <source>Channel %1 was not told: %2</source>
        <translation>Le canal %1 n'a pas été prévenu : %2</translation>
    </message>
</context>
<context>
    <name>relais::DrillRunner</name>
    <message>
        <source>The step did not stop; abandoned.</source>
        <translation>L’étape ne s’est pas arrêtée ; abandonnée.</translation>
    </message>
    <message>
        <source>The plan has nothing to run in this mode.</source>
        <translation>Le plan n’a rien à exécuter dans ce mode.</translation>
    </message>
    <message>
        <source>The drill journal cannot be written: %1</source>
        <translation>Le journal de l’exercice ne peut pas être écrit : %1</translation>
    </message>
    <message>
        <source>Not run: the drill was cleaned up instead.</source>
        <translation>Non exécutée : l’exercice a été nettoyé à la place.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message numerus="yes">
        <source>The hook "%1" ran past its timeout of %n s.</source>
        <translation>
            <numerusform>Le hook "%1" a dépassé son délai de %n s.</numerusform>
            <numerusform>Le hook "%1" a dépassé son délai de %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The step ran past its timeout of %n s.</source>
        <translation>
            <numerusform>L’étape a dépassé son délai de %n s.</numerusform>
            <numerusform>L’étape a dépassé son délai de %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>The hook "%1" failed: %2</source>
        <translation>Le hook "%1" a échoué : %2</translation>
    </message>
    <message>
        <source>Attempt %1 failed: %2</source>
        <translation>La tentative %1 a échoué : %2</translation>
    </message>
    <message>
        <source>A cleanup failed: %1</source>
        <translation>Un nettoyage a échoué : %1</translation>
    </message>
    <message>
        <source>A cleanup failed too: %1</source>
        <translation>Un nettoyage a échoué aussi : %1</translation>
    </message>
</context>
<context>
    <name>relais::DrillStepModel</name>
    <message>
        <source>%1 (cleanup)</source>
        <translation>%1 (nettoyage)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Waiting for confirmation</source>
        <translation>En attente de confirmation</translation>
    </message>
</context>
<context>
    <name>relais::DrillTimeline</name>
    <message>
        <source>Drill timeline</source>
        <translation>Chronologie de l’exercice</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1 : %2, %3</translation>
    </message>
    <message>
        <source>No drill yet.</source>
        <translation>Aucun exercice pour l’instant.</translation>
    </message>
</context>
<context>
    <name>relais::DrillTrendChart</name>
    <message>
        <source>Trend of RTO and RPO</source>
        <translation>Tendance du RTO et du RPO</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>RTO</source>
        <translation>RTO</translation>
    </message>
    <message>
        <source>RPO</source>
        <translation>RPO</translation>
    </message>
    <message>
        <source>%1 not measured</source>
        <translation>%1 non mesuré</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 (met; target %n min)</source>
        <translation>
            <numerusform>%1 %2 (atteint ; objectif %n min)</numerusform>
            <numerusform>%1 %2 (atteint ; objectif %n min)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 (missed; target %n min)</source>
        <translation>
            <numerusform>%1 %2 (manqué ; objectif %n min)</numerusform>
            <numerusform>%1 %2 (manqué ; objectif %n min)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>No finished drill yet.</source>
        <translation>Aucun exercice terminé pour l'instant.</translation>
    </message>
    <message numerus="yes">
        <source>%n drill(s)</source>
        <translation>
            <numerusform>%n exercice</numerusform>
            <numerusform>%n exercices</numerusform>
        </translation>
    </message>
    <message>
        <source>from %1 to %2.</source>
        <translation>du %1 au %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n did not succeed.</source>
        <translation>
            <numerusform>%n n'a pas réussi.</numerusform>
            <numerusform>%n n'ont pas réussi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: never measured (target %n min).</source>
        <translation>
            <numerusform>%1 : jamais mesuré (objectif %n min).</numerusform>
            <numerusform>%1 : jamais mesuré (objectif %n min).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: latest %2, target %n min, </source>
        <translation>
            <numerusform>%1 : dernière mesure %2, objectif %n min, </numerusform>
            <numerusform>%1 : dernière mesure %2, objectif %n min, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>missed by %n of %1 measured drill(s).</source>
        <translation>
            <numerusform>manqué lors de %n exercice mesuré sur %1.</numerusform>
            <numerusform>manqué lors de %n exercices mesurés sur %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>target missed</source>
        <translation>objectif manqué</translation>
    </message>
    <message>
        <source>failed or cancelled</source>
        <translation>échoué ou annulé</translation>
    </message>
    <message>
        <source>target</source>
        <translation>objectif</translation>
    </message>
    <message>
        <source>RTO (%1)</source>
        <translation>RTO (%1)</translation>
    </message>
    <message>
        <source>RPO (%1)</source>
        <translation>RPO (%1)</translation>
    </message>
    <message>
        <source>target %1 %2</source>
        <translation>objectif %1 %2</translation>
    </message>
</context>
<context>
    <name>relais::DrillView</name>
    <message>
        <source>&amp;Cancel drill</source>
        <translation>&amp;Annuler l’exercice</translation>
    </message>
    <message>
        <source>Re&amp;sume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Clean &amp;up</source>
        <translation>&amp;Nettoyer</translation>
    </message>
    <message>
        <source>Export &amp;HTML…</source>
        <translation>Exporter en &amp;HTML…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message>
        <source>Drill mode</source>
        <translation>Mode d’exercice</translation>
    </message>
    <message>
        <source>Rehearsal: isolated clones on backup, production untouched.
Planned failover: main answers; final sync and fencing included.
Emergency failover: main is silent; what needs it is skipped.
Failback: back to main after a failover.</source>
        <translation>Répétition : clones isolés sur backup, production intacte.
Bascule planifiée : main répond ; synchronisation finale et isolement (fencing) inclus.
Bascule d’urgence : main est muet ; ce qui en a besoin est sauté.
Retour : revenir sur main après une bascule.</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Mode :</translation>
    </message>
    <message>
        <source>Drill steps</source>
        <translation>Étapes de l’exercice</translation>
    </message>
    <message>
        <source>Past drills</source>
        <translation>Exercices passés</translation>
    </message>
    <message>
        <source>&amp;Steps</source>
        <translation>&amp;Étapes</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>Hi&amp;storique</translation>
    </message>
    <message>
        <source>A drill did not finish: %1 started %2. Resume it, or clean up what it created?</source>
        <translation>Un exercice ne s’est pas terminé : %1 démarré %2. Le reprendre, ou nettoyer ce qu’il a créé ?</translation>
    </message>
    <message>
        <source>&amp;Run rehearsal now</source>
        <translation>&amp;Lancer la répétition maintenant</translation>
    </message>
    <message>
        <source>&amp;Fail over…</source>
        <translation>&amp;Basculer…</translation>
    </message>
    <message>
        <source>&amp;Fail back…</source>
        <translation>Faire le re&amp;tour…</translation>
    </message>
    <message>
        <source>The site has no recovery plan ("plan" in the site document).</source>
        <translation>Le site n’a pas de plan de reprise ("plan" dans le document de site).</translation>
    </message>
    <message>
        <source>Resume or clean up the unfinished drill first.</source>
        <translation>Reprenez ou nettoyez d’abord l’exercice inachevé.</translation>
    </message>
    <message>
        <source>No recovery plan in this site: add a "plan" to its document to run drills.</source>
        <translation>Pas de plan de reprise dans ce site : ajoutez un "plan" à son document pour lancer des exercices.</translation>
    </message>
    <message>
        <source>No drill running. Targets: RTO %1 min, RPO %2 min.</source>
        <translation>Aucun exercice en cours. Objectifs : RTO %1 min, RPO %2 min.</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>non mesuré</translation>
    </message>
    <message>
        <source>%1 — %2: %3 of %4 steps. RTO %5 (target %6 min), RPO %7 (target %8 min).</source>
        <translation>%1 — %2 : %3 étapes sur %4. RTO %5 (objectif %6 min), RPO %7 (objectif %8 min).</translation>
    </message>
    <message>
        <source>Main still serves</source>
        <translation>Main sert toujours</translation>
    </message>
    <message>
        <source>Failover not started</source>
        <translation>Bascule non lancée</translation>
    </message>
    <message>
        <source>The name did not match; nothing was done.</source>
        <translation>Le nom ne correspond pas ; rien n’a été fait.</translation>
    </message>
    <message>
        <source>%1?</source>
        <translation>%1 ?</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2: these %n steps will run.</source>
        <translation>
            <numerusform>%1 de %2 : %n étape sera exécutée.</numerusform>
            <numerusform>%1 de %2 : ces %n étapes seront exécutées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Rien à exporter</translation>
    </message>
    <message>
        <source>Run a drill or choose one in the history first.</source>
        <translation>Lancez d’abord un exercice ou choisissez-en un dans l’historique.</translation>
    </message>
    <message>
        <source>Export the drill report as PDF</source>
        <translation>Exporter le rapport d’exercice en PDF</translation>
    </message>
    <message>
        <source>Export the drill report as HTML</source>
        <translation>Exporter le rapport d’exercice en HTML</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>HTML documents (*.html)</source>
        <translation>Documents HTML (*.html)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>The report could not be written to %1: %2</source>
        <translation>Le rapport n’a pas pu être écrit dans %1 : %2</translation>
    </message>
    <message>
        <source>Waiting for your confirmation to copy the reviewed changes from backup to main.</source>
        <translation>En attente de votre confirmation pour copier les modifications examinées de backup vers main.</translation>
    </message>
    <message numerus="yes">
        <source>Automatic failover: main was down from the console since %1 and from backup for the dead time (%n second(s)); RTO counts from the detection.</source>
        <translation>
            <numerusform>Bascule automatique : main était en panne vu de la console depuis %1 et vu de backup pendant le délai de panne (%n seconde) ; le RTO est compté à partir de la détection.</numerusform>
            <numerusform>Bascule automatique : main était en panne vu de la console depuis %1 et vu de backup pendant le délai de panne (%n secondes) ; le RTO est compté à partir de la détection.</numerusform>
        </translation>
    </message>
    <message>
        <source>Main may still serve</source>
        <translation>Main sert peut-être encore</translation>
    </message>
    <message>
        <source>Main answers its probes right now. Failing over while it serves can leave both sides serving different data (split brain).</source>
        <translation>Main répond à ses sondes en ce moment. Basculer pendant qu’il sert peut laisser les deux côtés servir des données différentes (split brain).</translation>
    </message>
    <message>
        <source>Relais does not know whether main serves: its probes have not answered yet, or the site has none. Failing over while it serves can leave both sides serving different data (split brain).</source>
        <translation>Relais ne sait pas si main sert : ses sondes n’ont pas encore répondu, ou le site n’en a pas. Basculer pendant qu’il sert peut laisser les deux côtés servir des données différentes (split brain).</translation>
    </message>
    <message>
        <source>To fail over anyway, type the site's name: %1</source>
        <translation>Pour basculer quand même, tapez le nom du site : %1</translation>
    </message>
    <message>
        <source>Main still answered its probes; the failover was forced by naming the site.</source>
        <translation>Main répondait encore à ses sondes ; la bascule a été forcée en nommant le site.</translation>
    </message>
    <message>
        <source>Whether main served was not known; the failover was forced by naming the site.</source>
        <translation>On ne savait pas si main servait ; la bascule a été forcée en nommant le site.</translation>
    </message>
</context>
<context>
    <name>relais::FailoverIpStepJob</name>
    <message>
        <source>OVH task: %1</source>
        <translation>Tâche OVH : %1</translation>
    </message>
    <message>
        <source>Moving the failover IP %1 to %2.</source>
        <translation>Déplacement de l'IP de bascule %1 vers %2.</translation>
    </message>
    <message>
        <source>The failover IP %1 was not moved: %2</source>
        <translation>L'IP de bascule %1 n'a pas été déplacée : %2</translation>
    </message>
    <message>
        <source>The failover IP %1 was already routed to %2.</source>
        <translation>L'IP de bascule %1 était déjà routée vers %2.</translation>
    </message>
    <message>
        <source>The failover IP %1 is routed to %2 (was %3), in %4 ms.</source>
        <translation>L'IP de bascule %1 est routée vers %2 (auparavant %3), en %4 ms.</translation>
    </message>
</context>
<context>
    <name>relais::HealthCommand</name>
    <message>
        <source>Check the health of a site's hosts and services.
Exit status: 0 when both hosts are up, 1 when one is down or degraded, 2 on error.</source>
        <translation>Vérifier la santé des hôtes et des services d’un site.
Code de sortie : 0 quand les deux hôtes sont opérationnels, 1 quand l’un est hors service ou dégradé, 2 en cas d’erreur.</translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation>Le document de site.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Check every probe once and exit (the default).</source>
        <translation>Exécuter chaque sonde une fois puis quitter (par défaut).</translation>
    </message>
    <message>
        <source>Keep checking and print every change.</source>
        <translation>Surveiller en continu et afficher chaque changement.</translation>
    </message>
    <message>
        <source>Print JSON (see docs/health-json.md).</source>
        <translation>Afficher du JSON (voir docs/health-json.md).</translation>
    </message>
    <message>
        <source>With --watch: stop after SECONDS, print a summary and exit with the hosts' status.</source>
        <translation>Avec --watch : s’arrêter après SECONDES, afficher un résumé et sortir avec l’état des hôtes.</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>Usage: relaisctl health --site FILE [--once] [--json] [--watch]</source>
        <translation>Usage : relaisctl health --site FICHIER [--once] [--json] [--watch]</translation>
    </message>
    <message>
        <source>--once and --watch exclude each other.</source>
        <translation>--once et --watch s’excluent l’un l’autre.</translation>
    </message>
    <message>
        <source>--duration needs --watch and a whole number of seconds (1 or more).</source>
        <translation>--duration demande --watch et un nombre entier de secondes (1 ou plus).</translation>
    </message>
    <message>
        <source>%1: invalid site document: %2</source>
        <translation>%1: document de site invalide : %2</translation>
    </message>
    <message>
        <source>The site has no probe to run.</source>
        <translation>Le site n’a aucune sonde à exécuter.</translation>
    </message>
    <message>
        <source>Some probes did not answer in time.</source>
        <translation>Certaines sondes n’ont pas répondu à temps.</translation>
    </message>
    <message>
        <source>watched %1 probes: %2 checks, %3 skipped (still running), worst timer lag %4 ms</source>
        <translation>%1 sondes surveillées : %2 vérifications, %3 sautées (encore en cours), pire retard de minuterie %4 ms</translation>
    </message>
    <message>
        <source>Site %1: %2</source>
        <translation>Site %1 : %2</translation>
    </message>
    <message>
        <source>%1: DNS points to %2</source>
        <translation>%1 : le DNS pointe vers %2</translation>
    </message>
    <message>
        <source>%1: DNS points to neither side (or is not checked)</source>
        <translation>%1 : le DNS ne pointe vers aucun des deux côtés (ou n’est pas vérifié)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source> (flapping)</source>
        <translation> (instable)</translation>
    </message>
    <message>
        <source>For lxd probes: the vault with the SSH keys (default: the site's "vault").</source>
        <translation>Pour les sondes lxd : le coffre contenant les clés SSH (par défaut : le "vault" du site).</translation>
    </message>
    <message>
        <source>For lxd probes: read the vault passphrase from FILE (else from RELAIS_VAULT_PASSPHRASE; without either, lxd probes report the vault locked).</source>
        <translation>Pour les sondes lxd : lire la phrase de passe du coffre dans FICHIER (sinon dans RELAIS_VAULT_PASSPHRASE ; sans l’un ni l’autre, les sondes lxd signalent le coffre verrouillé).</translation>
    </message>
</context>
<context>
    <name>relais::HealthEventModel</name>
    <message>
        <source>Host %1</source>
        <translation>Hôte %1</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Site %1</translation>
    </message>
    <message>
        <source>Probe %1 (%2)</source>
        <translation>Sonde %1 (%2)</translation>
    </message>
    <message>
        <source>Probe %1</source>
        <translation>Sonde %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
</context>
<context>
    <name>relais::HostCard</name>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>SSH:</source>
        <translation>SSH :</translation>
    </message>
    <message>
        <source>LXD:</source>
        <translation>LXD :</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Secours</translation>
    </message>
    <message>
        <source>%1 (public %2)</source>
        <translation>%1 (publique %2)</translation>
    </message>
    <message>
        <source>%1@%2 port %3</source>
        <translation>%1@%2 port %3</translation>
    </message>
    <message>
        <source>%1, through %2@%3</source>
        <translation>%1, via %2@%3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>socket %1 through SSH</source>
        <translation>socket %1 via SSH</translation>
    </message>
    <message>
        <source>%1 (certificate pinned)</source>
        <translation>%1 (certificat épinglé)</translation>
    </message>
    <message>
        <source>Unknown: not checked yet</source>
        <translation>Inconnu : pas encore vérifié</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Unknown: no site open</source>
        <translation>Inconnu : aucun site ouvert</translation>
    </message>
    <message>
        <source>Last check:</source>
        <translation>Dernière vérification :</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>Latence :</translation>
    </message>
    <message numerus="yes">
        <source>Up: %n probe(s) answer</source>
        <translation>
            <numerusform>En service : %n sonde répond</numerusform>
            <numerusform>En service : %n sondes répondent</numerusform>
        </translation>
    </message>
    <message>
        <source>Degraded: %1 of %2 probes fail</source>
        <translation>Dégradé : %1 sondes sur %2 en échec</translation>
    </message>
    <message>
        <source>Down: no probe answers</source>
        <translation>Hors service : aucune sonde ne répond</translation>
    </message>
    <message>
        <source>Unknown: no probe checks this host</source>
        <translation>Inconnu : aucune sonde ne vérifie cet hôte</translation>
    </message>
    <message>
        <source>Unknown: waiting for enough checks to decide</source>
        <translation>Inconnu : en attente de vérifications suffisantes pour trancher</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>%1: not checked yet</source>
        <translation>%1 : pas encore vérifié</translation>
    </message>
    <message>
        <source>%1: %2, %3 ms</source>
        <translation>%1 : %2, %3 ms</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1 : %2 — %3</translation>
    </message>
    <message>
        <source>%1: %2; the last check failed — %3</source>
        <translation>%1 : %2 ; la dernière vérification a échoué — %3</translation>
    </message>
    <message>
        <source>%1 (flapping)</source>
        <translation>%1 (instable)</translation>
    </message>
</context>
<context>
    <name>relais::HostKeyDialog</name>
    <message>
        <source>Unknown Host Key</source>
        <translation>Clé d’hôte inconnue</translation>
    </message>
    <message>
        <source>Relais has never connected to %1 before. Before trusting it, check that the key below is really the server's: anyone between you and the server could offer their own.</source>
        <translation>Relais ne s’est encore jamais connecté à %1. Avant de l’approuver, vérifiez que la clé ci-dessous est bien celle du serveur : toute personne placée entre vous et le serveur pourrait proposer la sienne.</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation>Type de clé :</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Empreinte :</translation>
    </message>
    <message>
        <source>This host is reached through a jump host: the connection to it passes through that other server first.</source>
        <translation>Cet hôte est atteint par un hôte de rebond : la connexion passe d’abord par cet autre serveur.</translation>
    </message>
    <message>
        <source>To check it, run on the server itself (or ask its administrator):&lt;pre&gt;ssh-keygen -lf %1&lt;/pre&gt;and compare the SHA256 fingerprint it prints with the one above, character by character. If they differ, do not connect.</source>
        <translation>Pour la vérifier, lancez sur le serveur lui-même (ou demandez à son administrateur) :&lt;pre&gt;ssh-keygen -lf %1&lt;/pre&gt;et comparez caractère par caractère l’empreinte SHA256 affichée avec celle ci-dessus. Si elles diffèrent, ne vous connectez pas.</translation>
    </message>
    <message>
        <source>&amp;Trust and Connect</source>
        <translation>&amp;Approuver et se connecter</translation>
    </message>
</context>
<context>
    <name>relais::InstanceTableModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 j</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En marche</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Gelé</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>This container has no snapshot.</source>
        <translation>Ce conteneur n’a pas d’instantané.</translation>
    </message>
    <message>
        <source>%1, taken %2</source>
        <translation>%1, pris %2</translation>
    </message>
    <message>
        <source>Never replicated to the backup.</source>
        <translation>Jamais répliqué vers le backup.</translation>
    </message>
    <message>
        <source>Last replicated to the backup on %1</source>
        <translation>Répliqué vers le backup pour la dernière fois le %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Instantanés</translation>
    </message>
    <message>
        <source>Newest snapshot</source>
        <translation>Dernier instantané</translation>
    </message>
    <message>
        <source>Backup copy</source>
        <translation>Copie du backup</translation>
    </message>
</context>
<context>
    <name>relais::LockStepJob</name>
    <message>
        <source>Failed over to backup: replication to backup is locked until failback.</source>
        <translation>Basculé sur backup : la réplication vers backup est verrouillée jusqu’au retour.</translation>
    </message>
    <message>
        <source>Replication main → backup locked.</source>
        <translation>Réplication main → backup verrouillée.</translation>
    </message>
    <message>
        <source>Replication main → backup unlocked.</source>
        <translation>Réplication main → backup déverrouillée.</translation>
    </message>
    <message>
        <source>Locked by a Relais failover on %1 (UTC); the failback removes this file.</source>
        <translation>Verrouillé par une bascule Relais le %1 (UTC) ; le retour sur main supprime ce fichier.</translation>
    </message>
    <message>
        <source>Replication is locked in Relais, but backup could not be marked (%1): a job installed on main could still copy to backup. Remove it there (relaisctl sync install --remove) or retry.</source>
        <translation>La réplication est verrouillée dans Relais, mais le backup n’a pas pu être marqué (%1) : une tâche installée sur main pourrait encore copier vers le backup. Retirez-la de main (relaisctl sync install --remove) ou réessayez.</translation>
    </message>
    <message>
        <source>Backup's replication lock could not be removed (%1); replication stays locked.</source>
        <translation>Le verrou de réplication du backup n’a pas pu être retiré (%1) ; la réplication reste verrouillée.</translation>
    </message>
    <message>
        <source>Backup refuses main → backup copies (%1).</source>
        <translation>Le backup refuse les copies main → backup (%1).</translation>
    </message>
    <message>
        <source>Backup accepts main → backup copies again.</source>
        <translation>Le backup accepte de nouveau les copies main → backup.</translation>
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
        <translation>  relaisctl lxd start --site FICHIER HÔTE INSTANCE
  relaisctl lxd stop|restart --site FICHIER [--timeout S] [--force] HÔTE INSTANCE
  relaisctl lxd snapshot --site FICHIER [--expiry DURÉE] HÔTE INSTANCE [NOM]
  relaisctl lxd snapshots --site FICHIER [--json] HÔTE INSTANCE
  relaisctl lxd restore --site FICHIER HÔTE INSTANCE INSTANTANÉ
  relaisctl lxd delete-snapshot --site FICHIER HÔTE INSTANCE INSTANTANÉ
  relaisctl lxd snapshot-settings --site FICHIER [--schedule CRON] [--expiry DURÉE]
                                  [--pattern MOTIF] HÔTE INSTANCE</translation>
    </message>
    <message>
        <source>Act on one LXD instance of main or backup through SSH. A restore first takes a safety snapshot (relais-before-restore-…, kept 7 days) so it can be undone. Ctrl-C cancels the running LXD operation when LXD allows it.

%1</source>
        <translation>Agir sur une instance LXD de main ou de backup via SSH. Une restauration prend d’abord un instantané de sécurité (relais-before-restore-…, conservé 7 jours) pour pouvoir être annulée. Ctrl-C annule l’opération LXD en cours quand LXD le permet.

%1</translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation>Le document de site.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>The vault with the SSH keys (default: the site's "vault", else %1).</source>
        <translation>Le coffre contenant les clés SSH (par défaut : le "vault" du site, sinon %1).</translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line); else from RELAIS_VAULT_PASSPHRASE, else from the terminal.</source>
        <translation>Lire la phrase de passe du coffre dans FICHIER (sa première ligne) ; sinon dans RELAIS_VAULT_PASSPHRASE, sinon depuis le terminal.</translation>
    </message>
    <message>
        <source>snapshots, snapshot-settings: print JSON.</source>
        <translation>snapshots, snapshot-settings : afficher du JSON.</translation>
    </message>
    <message>
        <source>stop, restart: seconds to wait for a clean shutdown (default 30).</source>
        <translation>stop, restart : secondes à attendre pour un arrêt propre (30 par défaut).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>stop, restart: stop at once, not cleanly.</source>
        <translation>stop, restart : arrêter immédiatement, sans arrêt propre.</translation>
    </message>
    <message>
        <source>snapshot: delete the snapshot after DURATION (7d, 12h, 2w…); snapshot-settings: snapshots.expiry ("" removes it).</source>
        <translation>snapshot : supprimer l’instantané après DURÉE (7d, 12h, 2w…) ; snapshot-settings : snapshots.expiry ("" le supprime).</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURÉE</translation>
    </message>
    <message>
        <source>snapshot-settings: snapshots.schedule, cron or @daily ("" removes it).</source>
        <translation>snapshot-settings : snapshots.schedule, cron ou @daily ("" le supprime).</translation>
    </message>
    <message>
        <source>CRON</source>
        <translation>CRON</translation>
    </message>
    <message>
        <source>snapshot-settings: snapshots.pattern ("" removes it).</source>
        <translation>snapshot-settings : snapshots.pattern ("" le supprime).</translation>
    </message>
    <message>
        <source>PATTERN</source>
        <translation>MOTIF</translation>
    </message>
    <message>
        <source>main or backup.</source>
        <translation>main ou backup.</translation>
    </message>
    <message>
        <source>The instance.</source>
        <translation>L’instance.</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Utilisation :</translation>
    </message>
    <message>
        <source>Unknown host "%1": use main or backup.</source>
        <translation>Hôte inconnu "%1" : utilisez main ou backup.</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds.</source>
        <translation>--timeout attend un nombre de secondes.</translation>
    </message>
    <message>
        <source>--expiry takes a duration such as 7d, 12h or 2w.</source>
        <translation>--expiry attend une durée comme 7d, 12h ou 2w.</translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation>Impossible d’utiliser le site %1 : %2</translation>
    </message>
    <message>
        <source>The site gives %1 no LXD endpoint.</source>
        <translation>Le site ne donne à %1 aucun point d’accès LXD.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Started %1.</source>
        <translation>%1 démarré.</translation>
    </message>
    <message>
        <source>Stopping %1…</source>
        <translation>Arrêt de %1…</translation>
    </message>
    <message>
        <source>Restarting %1…</source>
        <translation>Redémarrage de %1…</translation>
    </message>
    <message>
        <source>Stopped %1.</source>
        <translation>%1 arrêté.</translation>
    </message>
    <message>
        <source>Restarted %1.</source>
        <translation>%1 redémarré.</translation>
    </message>
    <message>
        <source>Deleted snapshot %1 of %2.</source>
        <translation>Instantané %1 de %2 supprimé.</translation>
    </message>
    <message>
        <source>Took snapshot %1 of %2 on %3.</source>
        <translation>Instantané %1 de %2 pris sur %3.</translation>
    </message>
    <message>
        <source>LXD deletes it at %1.</source>
        <translation>LXD le supprimera le %1.</translation>
    </message>
    <message>
        <source>Taking a safety snapshot of %1…</source>
        <translation>Prise d’un instantané de sécurité de %1…</translation>
    </message>
    <message>
        <source>Restoring %1 to %2…</source>
        <translation>Restauration de %1 vers %2…</translation>
    </message>
    <message>
        <source>Took the safety snapshot %1 of %2 on %3 (LXD deletes it at %4).</source>
        <translation>Instantané de sécurité %1 de %2 pris sur %3 (LXD le supprimera le %4).</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>Rien n’a été restauré.</translation>
    </message>
    <message>
        <source>%1 may be partly restored; the safety snapshot %2 holds its state from before.</source>
        <translation>%1 est peut-être partiellement restauré ; l’instantané de sécurité %2 conserve son état d’avant.</translation>
    </message>
    <message>
        <source>Restored %1 on %2 to snapshot %3.</source>
        <translation>%1 sur %2 restauré à l’instantané %3.</translation>
    </message>
    <message>
        <source>To go back: relaisctl lxd restore --site %1 %2 %3 %4</source>
        <translation>Pour revenir en arrière : relaisctl lxd restore --site %1 %2 %3 %4</translation>
    </message>
    <message>
        <source>Updated the snapshot settings of %1 on %2.</source>
        <translation>Réglages d’instantanés de %1 sur %2 mis à jour.</translation>
    </message>
    <message>
        <source>%1 on %2 has no snapshot.</source>
        <translation>%1 sur %2 n’a aucun instantané.</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>expire le %1</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>n’expire jamais</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>snapshots.schedule  %1</source>
        <translation>snapshots.schedule  %1</translation>
    </message>
    <message>
        <source>snapshots.expiry    %1</source>
        <translation>snapshots.expiry    %1</translation>
    </message>
    <message>
        <source>snapshots.pattern   %1</source>
        <translation>snapshots.pattern   %1</translation>
    </message>
    <message>
        <source>Interrupted: cancelling…</source>
        <translation>Interrompu : annulation…</translation>
    </message>
    <message>
        <source>No LXD operation was running yet.</source>
        <translation>Aucune opération LXD n’était encore en cours.</translation>
    </message>
    <message>
        <source>LXD cancelled operation %1.</source>
        <translation>LXD a annulé l’opération %1.</translation>
    </message>
    <message>
        <source>LXD could not cancel operation %1 (%2); it goes on on %3.</source>
        <translation>LXD n’a pas pu annuler l’opération %1 (%2) ; elle continue sur %3.</translation>
    </message>
    <message>
        <source>The SSH host key of %1 is not trusted yet; check it and run "relaisctl ssh trust".</source>
        <translation>La clé d’hôte SSH de %1 n’est pas encore approuvée ; vérifiez-la et lancez "relaisctl ssh trust".</translation>
    </message>
    <message>
        <source>%1 (SSH: %2)</source>
        <translation>%1 (SSH : %2)</translation>
    </message>
    <message>
        <source>%1 %2 on %3 failed: %4</source>
        <translation>%1 %2 sur %3 a échoué : %4</translation>
    </message>
    <message>
        <source>Cannot reach the LXD of %1: %2; run "relaisctl lxd trust".</source>
        <translation>Impossible de joindre le LXD de %1 : %2 ; lancez « relaisctl lxd trust ».</translation>
    </message>
    <message>
        <source>The LXD certificate of %1 is not trusted yet (SHA-256 %2); check it and run "relaisctl lxd trust".</source>
        <translation>Le certificat LXD de %1 n’est pas encore approuvé (SHA-256 %2) ; vérifiez-le et lancez « relaisctl lxd trust ».</translation>
    </message>
</context>
<context>
    <name>relais::LxdCommand</name>
    <message>
        <source>Unknown lxd command: %1</source>
        <translation>Commande lxd inconnue : %1</translation>
    </message>
    <message>
        <source>List the LXD instances of the site's hosts (or of HOST: main or backup) with their status, addresses and snapshots, read through SSH.</source>
        <translation>Lister les instances LXD des hôtes du site (ou de HÔTE : main ou backup) avec leur état, leurs adresses et leurs instantanés, lus par SSH.</translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation>Le document de site.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Écrire du JSON.</translation>
    </message>
    <message>
        <source>The vault with the SSH keys (default: the site's "vault", else %1).</source>
        <translation>Le coffre qui contient les clés SSH (par défaut : le « vault » du site, sinon %1).</translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation>Lire la phrase de passe du coffre dans FICHIER (sa première ligne). Sans cette option, elle vient de la variable d’environnement RELAIS_VAULT_PASSPHRASE, sinon elle est demandée sur le terminal.</translation>
    </message>
    <message>
        <source>main or backup (default: both).</source>
        <translation>main ou backup (par défaut : les deux).</translation>
    </message>
    <message>
        <source>Usage: relaisctl lxd list --site FILE [--json] [HOST]</source>
        <translation>Usage : relaisctl lxd list --site FICHIER [--json] [HÔTE]</translation>
    </message>
    <message>
        <source>Unknown host "%1": use main or backup.</source>
        <translation>Hôte « %1 » inconnu : utilisez main ou backup.</translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation>Impossible d’utiliser le site %1 : %2</translation>
    </message>
    <message>
        <source>the site gives this host no LXD endpoint</source>
        <translation>le site ne donne pas d’accès LXD à cet hôte</translation>
    </message>
    <message>
        <source>the SSH host key of %1 is not trusted yet; check it and run "relaisctl ssh trust"</source>
        <translation>la clé d’hôte SSH de %1 n’est pas encore approuvée ; vérifiez-la et lancez « relaisctl ssh trust »</translation>
    </message>
    <message>
        <source>%1 (SSH: %2)</source>
        <translation>%1 (SSH : %2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: cannot list the instances: %2</source>
        <translation>%1 : impossible de lister les instances : %2</translation>
    </message>
    <message>
        <source>no instances</source>
        <translation>aucune instance</translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s), newest %1 at %2</source>
        <translation>
            <numerusform>%n instantané, le plus récent %1 à %2</numerusform>
            <numerusform>%n instantanés, le plus récent %1 à %2</numerusform>
        </translation>
    </message>
    <message>
        <source>no snapshot</source>
        <translation>aucun instantané</translation>
    </message>
    <message>
        <source>Usage:
  relaisctl lxd list --site FILE [--json] [HOST]
%1
Each takes --vault FILE and --passphrase-file FILE as "relaisctl vault" does; "relaisctl lxd ACTION --help" describes one. Exit status: 0 done, 1 the LXD operation failed, 2 usage or configuration error.</source>
        <translation>Utilisation :
  relaisctl lxd list --site FICHIER [--json] [HÔTE]
%1
Chacune accepte --vault FICHIER et --passphrase-file FICHIER comme "relaisctl vault" ; "relaisctl lxd ACTION --help" en décrit une. Code de sortie : 0 terminé, 1 l’opération LXD a échoué, 2 erreur d’utilisation ou de configuration.</translation>
    </message>
    <message>
        <source>  relaisctl lxd replicate --site FILE INSTANCE
  relaisctl lxd trust --site FILE HOST --token-file FILE</source>
        <translation>  relaisctl lxd replicate --site FICHIER INSTANCE
  relaisctl lxd trust --site FICHIER HÔTE --token-file FICHIER</translation>
    </message>
    <message>
        <source>the LXD certificate of %1 is not trusted yet (SHA-256 %2); check it and run "relaisctl lxd trust"</source>
        <translation>le certificat LXD de %1 n’est pas encore approuvé (SHA-256 %2) ; vérifiez-le et lancez "relaisctl lxd trust"</translation>
    </message>
    <message>
        <source>%1; run "relaisctl lxd trust"</source>
        <translation>%1 ; lancez « relaisctl lxd trust »</translation>
    </message>
</context>
<context>
    <name>relais::LxdInstancesStepJob</name>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>There is no container "%1" to start.</source>
        <translation>Il n’y a pas de conteneur "%1" à démarrer.</translation>
    </message>
    <message>
        <source>%1 is already running.</source>
        <translation>%1 est déjà en cours d’exécution.</translation>
    </message>
    <message>
        <source>Starting %1</source>
        <translation>Démarrage de %1</translation>
    </message>
    <message>
        <source>There is no container "%1" here: nothing to stop.</source>
        <translation>Il n’y a pas de conteneur "%1" ici : rien à arrêter.</translation>
    </message>
    <message>
        <source>%1 is already stopped.</source>
        <translation>%1 est déjà arrêté.</translation>
    </message>
    <message>
        <source>Stopping %1</source>
        <translation>Arrêt de %1</translation>
    </message>
    <message>
        <source>There is no container "%1" to snapshot.</source>
        <translation>Il n’y a pas de conteneur "%1" dont prendre un instantané.</translation>
    </message>
    <message>
        <source>Snapshot %1/%2</source>
        <translation>Instantané %1/%2</translation>
    </message>
    <message>
        <source>There is no copy of "%1" to clone on this host.</source>
        <translation>Il n’y a pas de copie de "%1" à cloner sur cet hôte.</translation>
    </message>
    <message>
        <source>Stopping the leftover %1</source>
        <translation>Arrêt du reliquat %1</translation>
    </message>
    <message>
        <source>Removing the leftover %1</source>
        <translation>Suppression du reliquat %1</translation>
    </message>
    <message>
        <source>Cloning %1 into %2</source>
        <translation>Clonage de %1 en %2</translation>
    </message>
    <message>
        <source>%1 is already gone.</source>
        <translation>%1 a déjà disparu.</translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation>Suppression de %1</translation>
    </message>
    <message>
        <source>%1 failed (%2); forcing it.</source>
        <translation>%1 a échoué (%2) ; on force.</translation>
    </message>
</context>
<context>
    <name>relais::LxdProbe</name>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>%1 %2 on %3</source>
        <translation>%1 %2 sur %3</translation>
    </message>
    <message>
        <source>; copy age unknown: %1</source>
        <translation> ; âge de la copie inconnu : %1</translation>
    </message>
    <message>
        <source>; never replicated to the backup</source>
        <translation> ; jamais répliqué vers le backup</translation>
    </message>
    <message>
        <source>; backup copy %1 min old (limit %2)</source>
        <translation> ; copie de backup âgée de %1 min (limite %2)</translation>
    </message>
    <message>
        <source>cannot reach the LXD of %1: %2</source>
        <translation>impossible de joindre le LXD de %1 : %2</translation>
    </message>
    <message>
        <source>no connection to the LXD of %1 (the vault is locked)</source>
        <translation>pas de connexion au LXD de %1 (le coffre est verrouillé)</translation>
    </message>
</context>
<context>
    <name>relais::LxdReplicateCommand</name>
    <message>
        <source>Replicate the container INSTANCE from main to backup: the backup's LXD pulls it from main's LXD (incrementally when the backup has a copy), and the backup keeps its current copy until the new one is complete. The copy stays stopped and does not start at boot. Ctrl-C cancels.</source>
        <translation>Répliquer le conteneur INSTANCE de main vers backup : le LXD du backup le tire du LXD de main (de façon incrémentale quand le backup en a une copie), et le backup garde sa copie actuelle jusqu’à ce que la nouvelle soit complète. La copie reste arrêtée et ne démarre pas au boot. Ctrl-C annule.</translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation>Le document de site.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>The vault with the SSH keys (default: the site's "vault", else %1).</source>
        <translation>Le coffre contenant les clés SSH (par défaut : le "vault" du site, sinon %1).</translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation>Lire la phrase de passe du coffre dans FICHIER (sa première ligne). Sans cela, la phrase de passe vient de la variable d’environnement RELAIS_VAULT_PASSPHRASE, sinon elle est demandée dans le terminal.</translation>
    </message>
    <message>
        <source>Where the backup reaches main's LXD (default: the address main's LXD listens on, core.https_address).</source>
        <translation>Où le backup joint le LXD de main (par défaut : l’adresse sur laquelle écoute le LXD de main, core.https_address).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Give up after SECONDS (default 3600).</source>
        <translation>Abandonner après SECONDES (3600 par défaut).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>The container to replicate.</source>
        <translation>Le conteneur à répliquer.</translation>
    </message>
    <message>
        <source>Usage: relaisctl lxd replicate --site FILE INSTANCE</source>
        <translation>Utilisation : relaisctl lxd replicate --site FICHIER INSTANCE</translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation>Impossible d’utiliser le site %1 : %2</translation>
    </message>
    <message>
        <source>main</source>
        <translation>main</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>backup</translation>
    </message>
    <message>
        <source>Warning: the replication will not be recorded: %1</source>
        <translation>Attention : la réplication ne sera pas enregistrée : %1</translation>
    </message>
    <message>
        <source>Reading main and backup…</source>
        <translation>Lecture de main et de backup…</translation>
    </message>
    <message>
        <source>Cloning the backup's copy into a staging instance…</source>
        <translation>Clonage de la copie du backup dans une instance de transit…</translation>
    </message>
    <message>
        <source>The backup pulls the instance from main…</source>
        <translation>Le backup tire l’instance de main…</translation>
    </message>
    <message>
        <source>Checking the new copy…</source>
        <translation>Vérification de la nouvelle copie…</translation>
    </message>
    <message>
        <source>Putting the new copy in place…</source>
        <translation>Mise en place de la nouvelle copie…</translation>
    </message>
    <message>
        <source>Removing the staging instance; the backup keeps its copy…</source>
        <translation>Suppression de l’instance de transit ; le backup garde sa copie…</translation>
    </message>
    <message>
        <source>Cancelling (Ctrl-C again to quit at once)…</source>
        <translation>Annulation (Ctrl-C à nouveau pour quitter immédiatement)…</translation>
    </message>
    <message>
        <source>Refreshed the copy of %1 on backup in %2 s (transfer %3 s, %4).</source>
        <translation>Copie de %1 sur backup rafraîchie en %2 s (transfert %3 s, %4).</translation>
    </message>
    <message>
        <source>Copied %1 to backup in %2 s (transfer %3 s, %4).</source>
        <translation>%1 copié vers backup en %2 s (transfert %3 s, %4).</translation>
    </message>
    <message>
        <source>The SSH host key of %1 is not trusted yet; check it and run "relaisctl ssh trust".</source>
        <translation>La clé d’hôte SSH de %1 n’est pas encore approuvée ; vérifiez-la et lancez "relaisctl ssh trust".</translation>
    </message>
    <message>
        <source>Replication of %1 cancelled; the backup keeps its previous copy.</source>
        <translation>Réplication de %1 annulée ; le backup garde sa copie précédente.</translation>
    </message>
    <message>
        <source>Replication of %1 failed; the backup keeps its previous copy: %2</source>
        <translation>La réplication de %1 a échoué ; le backup garde sa copie précédente : %2</translation>
    </message>
    <message>
        <source>The %1 host has no LXD endpoint ("lxd" of the host).</source>
        <translation>L’hôte %1 n’a pas de point d’accès LXD (« lxd » de l’hôte).</translation>
    </message>
    <message>
        <source>Cannot reach the LXD of %1: %2</source>
        <translation>Impossible de joindre le LXD de %1 : %2</translation>
    </message>
    <message>
        <source>The LXD certificate of %1 is not trusted yet (SHA-256 %2); check it and run "relaisctl lxd trust".</source>
        <translation>Le certificat LXD de %1 n’est pas encore approuvé (SHA-256 %2) ; vérifiez-le et lancez « relaisctl lxd trust ».</translation>
    </message>
    <message>
        <source>size not reported by LXD</source>
        <translation>taille non indiquée par LXD</translation>
    </message>
</context>
<context>
    <name>relais::LxdTrustCommand</name>
    <message>
        <source>Usage: relaisctl lxd trust --site FILE HOST (--token-file FILE | --password-file FILE) [--url https://ADDRESS:PORT] [--accept-certificate SHA256] [--certificate-id ID]</source>
        <translation>Utilisation : relaisctl lxd trust --site FICHIER HÔTE (--token-file FICHIER | --password-file FICHIER) [--url https://ADRESSE:PORT] [--accept-certificate SHA256] [--certificate-id ID]</translation>
    </message>
    <message>
        <source>Make the LXD daemon of HOST (main or backup) trust this console over HTTPS, with a trust token from "lxc config trust add" or the server's trust password. The client certificate is kept in the vault; the server's certificate is pinned; the site is set to reach LXD over HTTPS.</source>
        <translation>Faire approuver cette console par le démon LXD de HÔTE (main ou backup) en HTTPS, avec un jeton de confiance obtenu par "lxc config trust add" ou le mot de passe de confiance du serveur. Le certificat client est gardé dans le coffre ; le certificat du serveur est épinglé ; le site est configuré pour joindre LXD en HTTPS.</translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation>Le document de site.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Read the trust token from FILE (its first line; - for standard input).</source>
        <translation>Lire le jeton de confiance dans FICHIER (sa première ligne ; - pour l’entrée standard).</translation>
    </message>
    <message>
        <source>Read the server's trust password (core.trust_password, LXD 5.0) from FILE (its first line; - for standard input).</source>
        <translation>Lire le mot de passe de confiance du serveur (core.trust_password, LXD 5.0) dans FICHIER (sa première ligne ; - pour l’entrée standard).</translation>
    </message>
    <message>
        <source>The LXD address (default: the site's, else https://HOST-ADDRESS:8443).</source>
        <translation>L’adresse LXD (par défaut : celle du site, sinon https://ADRESSE-HÔTE:8443).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Trust the server's certificate if it has this SHA-256 fingerprint (needed with a trust password, or a token that names no certificate).</source>
        <translation>Approuver le certificat du serveur s’il a cette empreinte SHA-256 (nécessaire avec un mot de passe de confiance, ou un jeton qui ne nomme aucun certificat).</translation>
    </message>
    <message>
        <source>SHA256</source>
        <translation>SHA256</translation>
    </message>
    <message>
        <source>The vault id of the client certificate (default: the site's, else %1).</source>
        <translation>L’id dans le coffre du certificat client (par défaut : celui du site, sinon %1).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>The vault (default: the site's "vault", else %1).</source>
        <translation>Le coffre (par défaut : le "vault" du site, sinon %1).</translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation>Lire la phrase de passe du coffre dans FICHIER (sa première ligne). Sans cela, la phrase de passe vient de la variable d’environnement RELAIS_VAULT_PASSPHRASE, sinon elle est demandée dans le terminal.</translation>
    </message>
    <message>
        <source>main or backup.</source>
        <translation>main ou backup.</translation>
    </message>
    <message>
        <source>Unknown host "%1": use main or backup.</source>
        <translation>Hôte inconnu "%1" : utilisez main ou backup.</translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation>Impossible d’utiliser le site %1 : %2</translation>
    </message>
    <message>
        <source>The LXD address must look like https://ADDRESS:PORT, not "%1".</source>
        <translation>L’adresse LXD doit être de la forme https://ADRESSE:PORT, pas "%1".</translation>
    </message>
    <message>
        <source>The certificate fingerprint must be 64 hexadecimal digits (pairs may be separated by colons), as "openssl x509 -fingerprint -sha256" prints it.</source>
        <translation>L’empreinte du certificat doit comporter 64 chiffres hexadécimaux (les paires peuvent être séparées par des deux-points), comme l’affiche "openssl x509 -fingerprint -sha256".</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Cannot use the trust token: %1</source>
        <translation>Impossible d’utiliser le jeton de confiance : %1</translation>
    </message>
    <message>
        <source>"%1" is not a vault id.</source>
        <translation>"%1" n’est pas un id de coffre.</translation>
    </message>
    <message>
        <source>The vault entry %1 is not a TLS client certificate; choose another id with --certificate-id.</source>
        <translation>L’entrée de coffre %1 n’est pas un certificat client TLS ; choisissez un autre id avec --certificate-id.</translation>
    </message>
    <message>
        <source>Cannot use the vault entry %1: %2</source>
        <translation>Impossible d’utiliser l’entrée de coffre %1 : %2</translation>
    </message>
    <message>
        <source>LXD client certificate (%1)</source>
        <translation>Certificat client LXD (%1)</translation>
    </message>
    <message>
        <source>Cannot save the new client certificate in the vault %1: %2</source>
        <translation>Impossible d’enregistrer le nouveau certificat client dans le coffre %1 : %2</translation>
    </message>
    <message>
        <source>New LXD client certificate %1 saved in the vault as %2.</source>
        <translation>Nouveau certificat client LXD %1 enregistré dans le coffre sous %2.</translation>
    </message>
    <message>
        <source>The LXD certificate of %1 is not trusted yet: SHA-256 %2 (%3). Nothing was sent. Check this fingerprint on the server (lxc info | grep certificate_fingerprint) and, if it matches, run again with
  --accept-certificate %2</source>
        <translation>Le certificat LXD de %1 n’est pas encore approuvé : SHA-256 %2 (%3). Rien n’a été envoyé. Vérifiez cette empreinte sur le serveur (lxc info | grep certificate_fingerprint) et, si elle correspond, relancez avec
  --accept-certificate %2</translation>
    </message>
    <message>
        <source>LXD at %1 did not trust this console: %2</source>
        <translation>LXD sur %1 n’a pas approuvé cette console : %2</translation>
    </message>
    <message>
        <source>LXD at %1 already trusts this console.</source>
        <translation>LXD sur %1 approuve déjà cette console.</translation>
    </message>
    <message>
        <source>LXD at %1 now trusts this console.</source>
        <translation>LXD sur %1 approuve maintenant cette console.</translation>
    </message>
    <message>
        <source>Server certificate pinned: SHA-256 %1 (in %2).</source>
        <translation>Certificat du serveur épinglé : SHA-256 %1 (dans %2).</translation>
    </message>
    <message>
        <source>Cannot update the site %1: %2</source>
        <translation>Impossible de mettre à jour le site %1 : %2</translation>
    </message>
    <message>
        <source>The site %1 now reaches the LXD of %2 over HTTPS.</source>
        <translation>Le site %1 joint désormais le LXD de %2 en HTTPS.</translation>
    </message>
</context>
<context>
    <name>relais::MainVantageProbe</name>
    <message>
        <source>Backup could not be asked whether main answers: %1</source>
        <translation>Impossible de demander à backup si main répond : %1</translation>
    </message>
    <message>
        <source>Backup could not check main's ports (exit status %1): %2</source>
        <translation>Backup n'a pas pu vérifier les ports de main (code de sortie %1) : %2</translation>
    </message>
</context>
<context>
    <name>relais::MainWindow</name>
    <message>
        <source>Relais</source>
        <translation>Relais</translation>
    </message>
    <message>
        <source>No site is open. Open a site document to see its main and backup hosts.</source>
        <translation>Aucun site n’est ouvert. Ouvrez un document de site pour voir ses hôtes principal et de secours.</translation>
    </message>
    <message>
        <source>&amp;Open a site…</source>
        <translation>&amp;Ouvrir un site…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open Site…</source>
        <translation>&amp;Ouvrir un site…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un site &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Relais</source>
        <translation>À &amp;propos de Relais</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>No recent sites</source>
        <translation>Aucun site récent</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>Impossible d’ouvrir %1</translation>
    </message>
    <message>
        <source>%1 — Relais</source>
        <translation>%1 — Relais</translation>
    </message>
    <message>
        <source>built-in lab site</source>
        <translation>site de laboratoire intégré</translation>
    </message>
    <message>
        <source>Open Site</source>
        <translation>Ouvrir un site</translation>
    </message>
    <message>
        <source>Site documents (*.json);;All files (*)</source>
        <translation>Documents de site (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more (see the details).</source>
        <translation>
            <numerusform>…et %n autre (voir les détails).</numerusform>
            <numerusform>…et %n autres (voir les détails).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Check Now</source>
        <translation>&amp;Vérifier maintenant</translation>
    </message>
    <message>
        <source>Check every probe of the site now</source>
        <translation>Vérifier maintenant toutes les sondes du site</translation>
    </message>
    <message>
        <source>No history of state changes</source>
        <translation>Pas d’historique des changements d’état</translation>
    </message>
    <message>
        <source>Relais keeps watching the site, but the changes it sees are not kept after it quits.</source>
        <translation>Relais continue de surveiller le site, mais les changements qu’il observe ne seront pas conservés après sa fermeture.</translation>
    </message>
    <message>
        <source>Closing quits Relais</source>
        <translation>Fermer quitte Relais</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so Relais cannot keep watching the site once its window is closed.</source>
        <translation>Ce bureau n’a pas de zone de notification : Relais ne peut pas continuer de surveiller le site une fois sa fenêtre fermée.</translation>
    </message>
    <message>
        <source>Keep the window open (it may be minimised) to be told when main or backup changes state. This is said only once.</source>
        <translation>Gardez la fenêtre ouverte (elle peut être réduite) pour être prévenu quand le principal ou le secours change d’état. Ce message n’apparaît qu’une fois.</translation>
    </message>
    <message>
        <source>&amp;Quit Relais</source>
        <translation>&amp;Quitter Relais</translation>
    </message>
    <message>
        <source>&amp;Keep Open</source>
        <translation>&amp;Garder ouvert</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Credentials…</source>
        <translation>&amp;Identifiants…</translation>
    </message>
    <message>
        <source>Keep SSH keys, passwords and tokens in the encrypted vault</source>
        <translation>Garder clés SSH, mots de passe et jetons dans le coffre chiffré</translation>
    </message>
    <message>
        <source>&amp;Lock Vault</source>
        <translation>&amp;Verrouiller le coffre</translation>
    </message>
    <message>
        <source>Forget the vault's key until the passphrase is typed again</source>
        <translation>Oublier la clé du coffre jusqu’à ce que la phrase de passe soit de nouveau tapée</translation>
    </message>
    <message>
        <source>Vault unlocked</source>
        <translation>Coffre déverrouillé</translation>
    </message>
    <message>
        <source>Vault locked</source>
        <translation>Coffre verrouillé</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <source>D&amp;NS</source>
        <translation>D&amp;NS</translation>
    </message>
    <message>
        <source>D&amp;rills</source>
        <translation>&amp;Exercices</translation>
    </message>
    <message>
        <source>Relais drill</source>
        <translation>Exercice Relais</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>non mesuré</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>RTO %1 (target %2 min), RPO %3 (target %4 min).</source>
        <translation>RTO %1 (cible %2 min), RPO %3 (cible %4 min).</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisation</translation>
    </message>
    <message>
        <source>%1 is down</source>
        <translation>%1 est en panne</translation>
    </message>
    <message>
        <source>%1 is degraded</source>
        <translation>%1 est dégradé</translation>
    </message>
    <message>
        <source>%1 recovered</source>
        <translation>%1 est rétabli</translation>
    </message>
    <message>
        <source>%1: state unknown</source>
        <translation>%1 : état inconnu</translation>
    </message>
    <message>
        <source>Main answers from backup</source>
        <translation>Main répond vu de backup</translation>
    </message>
    <message>
        <source>The console cannot reach main, but backup can: no automatic failover (the console's own network may be at fault).</source>
        <translation>La console ne peut pas joindre main, mais backup le peut : pas de bascule automatique (le réseau de la console elle-même est peut-être en cause).</translation>
    </message>
    <message>
        <source>the vault has not been unlocked since Relais started, so backup cannot be asked</source>
        <translation>le coffre n'a pas été déverrouillé depuis le démarrage de Relais, backup ne peut donc pas être interrogé</translation>
    </message>
    <message>
        <source>Automatic failover is on; backup is the active side now, so it waits.</source>
        <translation>La bascule automatique est activée ; backup est maintenant le côté actif, elle attend donc.</translation>
    </message>
    <message>
        <source>Automatic failover is on, but it cannot act until the vault has been unlocked once since Relais started.</source>
        <translation>La bascule automatique est activée, mais elle ne peut pas agir tant que le coffre n'a pas été déverrouillé une fois depuis le démarrage de Relais.</translation>
    </message>
    <message numerus="yes">
        <source>Automatic failover is on: after %n second(s) with main down from the console and from backup.</source>
        <translation>
            <numerusform>La bascule automatique est activée : après %n seconde de panne de main vue de la console et de backup.</numerusform>
            <numerusform>La bascule automatique est activée : après %n secondes de panne de main vue de la console et de backup.</numerusform>
        </translation>
    </message>
    <message>
        <source>Main is down from the console since %1; asking backup whether it sees main down too.</source>
        <translation>Main est en panne vu de la console depuis %1 ; backup est interrogé pour savoir s'il voit lui aussi main en panne.</translation>
    </message>
    <message numerus="yes">
        <source>Main is down from the console and from backup: automatic failover in %n second(s).</source>
        <translation>
            <numerusform>Main est en panne vu de la console et de backup : bascule automatique dans %n seconde.</numerusform>
            <numerusform>Main est en panne vu de la console et de backup : bascule automatique dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Main is down from the console and from backup, but automatic failover cannot act now (a drill runs, backup is already active, or the vault was never unlocked).</source>
        <translation>Main est en panne vu de la console et de backup, mais la bascule automatique ne peut pas agir maintenant (un exercice est en cours, backup est déjà actif, ou le coffre n'a jamais été déverrouillé).</translation>
    </message>
    <message>
        <source>Automatic failover started: main down since %1.</source>
        <translation>Bascule automatique lancée : main en panne depuis %1.</translation>
    </message>
    <message>
        <source>Automatic failover</source>
        <translation>Bascule automatique</translation>
    </message>
    <message numerus="yes">
        <source>Main has been down from the console and from backup for %n second(s): failing over to backup.</source>
        <translation>
            <numerusform>Main est en panne vu de la console et de backup depuis %n seconde : bascule vers backup.</numerusform>
            <numerusform>Main est en panne vu de la console et de backup depuis %n secondes : bascule vers backup.</numerusform>
        </translation>
    </message>
    <message>
        <source>The failover could not start (a drill runs or one is unfinished): fail over by hand from the Drills tab.</source>
        <translation>La bascule n'a pas pu démarrer (un exercice est en cours ou l'un d'eux est inachevé) : basculez manuellement depuis l'onglet Exercices.</translation>
    </message>
    <message>
        <source>Notification channel %1: %2</source>
        <translation>Canal de notification %1 : %2</translation>
    </message>
    <message>
        <source>&amp;Containers</source>
        <translation>&amp;Conteneurs</translation>
    </message>
</context>
<context>
    <name>relais::NewSnapshotDialog</name>
    <message>
        <source>&amp;Delete it automatically after</source>
        <translation>&amp;Le supprimer automatiquement après</translation>
    </message>
    <message>
        <source>New snapshot of %1</source>
        <translation>Nouvel instantané de %1</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> jour(s)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Take snapshot</source>
        <translation>&amp;Prendre l’instantané</translation>
    </message>
</context>
<context>
    <name>relais::NotifyCommand</name>
    <message>
        <source>Unknown notify command: %1</source>
        <translation>Commande notify inconnue : %1</translation>
    </message>
    <message>
        <source>Send a test message to each of the site's notification channels (or to those named) and print what each one answered.</source>
        <translation>Envoyer un message de test à chacun des canaux de notification du site (ou à ceux nommés) et afficher ce que chacun a répondu.</translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation>Le document du site.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>The vault with the channels' secrets (default: the site's "vault", else %1).</source>
        <translation>Le coffre contenant les secrets des canaux (par défaut : le "vault" du site, sinon %1).</translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation>Lire la phrase de passe du coffre dans FILE (sa première ligne). Sans cette option, la phrase de passe provient de la variable d'environnement RELAIS_VAULT_PASSPHRASE, sinon elle est demandée sur le terminal.</translation>
    </message>
    <message>
        <source>A channel's name (default: every channel).</source>
        <translation>Le nom d'un canal (par défaut : tous les canaux).</translation>
    </message>
    <message>
        <source>Missing --site FILE.</source>
        <translation>Il manque --site FILE.</translation>
    </message>
    <message>
        <source>The site has no notification channel named "%1".</source>
        <translation>Le site n'a aucun canal de notification nommé « %1 ».</translation>
    </message>
    <message>
        <source>The site has no notification channel ("notifications" in its document).</source>
        <translation>Le site n'a aucun canal de notification ("notifications" dans son document).</translation>
    </message>
    <message>
        <source>Relais test message</source>
        <translation>Message de test de Relais</translation>
    </message>
    <message>
        <source>This is a test of the notification channels of site "%1". If you read it, Relais can reach you here.</source>
        <translation>Ceci est un test des canaux de notification du site « %1 ». Si vous le lisez, Relais peut vous joindre ici.</translation>
    </message>
    <message>
        <source>%1: sent</source>
        <translation>%1 : envoyé</translation>
    </message>
    <message>
        <source>%1: FAILED: %2</source>
        <translation>%1 : ÉCHEC : %2</translation>
    </message>
</context>
<context>
    <name>relais::ProbeTableModel</name>
    <message>
        <source>%1 (at %2, since answered)</source>
        <translation>%1 (à %2, a répondu depuis)</translation>
    </message>
    <message>
        <source>—</source>
        <comment>no host: the probe checks the service</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>Flapping</source>
        <translation>Instable</translation>
    </message>
    <message>
        <source>Steady</source>
        <translation>Stable</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>This probe checks the service as a whole, not one host.</source>
        <translation>Cette sonde vérifie le service dans son ensemble, pas un hôte.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Sonde</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Dernière vérification</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
</context>
<context>
    <name>relais::RefreshStepJob</name>
    <message>
        <source>preparing</source>
        <translation>préparation</translation>
    </message>
    <message>
        <source>cloning the current copy</source>
        <translation>clonage de la copie actuelle</translation>
    </message>
    <message>
        <source>transferring</source>
        <translation>transfert</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>vérification</translation>
    </message>
    <message>
        <source>swapping in the new copy</source>
        <translation>mise en place de la nouvelle copie</translation>
    </message>
    <message>
        <source>cleaning up</source>
        <translation>nettoyage</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>No LXD connection to both hosts.</source>
        <translation>Pas de connexion LXD aux deux hôtes.</translation>
    </message>
    <message>
        <source>%1: refreshed in %2 s (%3)</source>
        <translation>%1 : rafraîchi en %2 s (%3)</translation>
    </message>
    <message>
        <source>%1: first copy in %2 s (%3)</source>
        <translation>%1 : première copie en %2 s (%3)</translation>
    </message>
    <message>
        <source>size not reported by LXD</source>
        <translation>taille non indiquée par LXD</translation>
    </message>
    <message>
        <source>%1: the instance it replaced is kept, stopped, as %2; delete it once the failback is confirmed.</source>
        <translation>%1 : l’instance remplacée est conservée, arrêtée, sous le nom %2 ; supprimez-la une fois le retour confirmé.</translation>
    </message>
</context>
<context>
    <name>relais::RehearsalBadge</name>
    <message>
        <source>not measured</source>
        <translation>non mesuré</translation>
    </message>
    <message>
        <source>%1 (met)</source>
        <translation>%1 (atteint)</translation>
    </message>
    <message>
        <source>%1 (missed)</source>
        <translation>%1 (manqué)</translation>
    </message>
    <message>
        <source>Show &amp;drills</source>
        <translation>Afficher les &amp;exercices</translation>
    </message>
    <message>
        <source>Open the drills: history, trend of RTO and RPO, run a rehearsal</source>
        <translation>Ouvrez les exercices : historique, tendance du RTO et du RPO, lancement d'une répétition</translation>
    </message>
    <message>
        <source>No recovery plan to rehearse</source>
        <translation>Aucun plan de reprise à répéter</translation>
    </message>
    <message>
        <source>No rehearsal yet — time to run one</source>
        <translation>Aucune répétition pour l'instant — il est temps d'en lancer une</translation>
    </message>
    <message numerus="yes">
        <source>Last good rehearsal %n day(s) ago — time to run one</source>
        <translation>
            <numerusform>Dernière répétition réussie il y a %n jour — il est temps d'en lancer une</numerusform>
            <numerusform>Dernière répétition réussie il y a %n jours — il est temps d'en lancer une</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd'hui</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Last good rehearsal: %1 — RTO %2, RPO %3</source>
        <translation>Dernière répétition réussie : %1 — RTO %2, RPO %3</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>No plan</source>
        <translation>Aucun plan</translation>
    </message>
    <message>
        <source>Last good rehearsal</source>
        <translation>Dernière répétition réussie</translation>
    </message>
    <message numerus="yes">
        <source>A good rehearsal is a rehearsal that succeeded: every step ran and its clones were removed. A reminder comes when the last one is older than %n day(s).</source>
        <translation>
            <numerusform>Une répétition réussie est une répétition qui a abouti : chaque étape s'est exécutée et ses clones ont été supprimés. Un rappel apparaît lorsque la dernière date de plus de %n jour.</numerusform>
            <numerusform>Une répétition réussie est une répétition qui a abouti : chaque étape s'est exécutée et ses clones ont été supprimés. Un rappel apparaît lorsque la dernière date de plus de %n jours.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::RehearsalReminder</name>
    <message>
        <source>No good rehearsal yet on %1: run one from the tray menu</source>
        <translation>Aucune répétition réussie pour l'instant sur %1 : lancez-en une depuis le menu de la zone de notification</translation>
    </message>
    <message numerus="yes">
        <source>No good rehearsal for %n day(s) on %1: run one from the tray menu</source>
        <translation>
            <numerusform>Aucune répétition réussie depuis %n jour sur %1 : lancez-en une depuis le menu de la zone de notification</numerusform>
            <numerusform>Aucune répétition réussie depuis %n jours sur %1 : lancez-en une depuis le menu de la zone de notification</numerusform>
        </translation>
    </message>
    <message>
        <source>Time to rehearse</source>
        <translation>Il est temps de faire une répétition</translation>
    </message>
</context>
<context>
    <name>relais::ReplicationKeyDialog</name>
    <message>
        <source>&amp;Set Up Key</source>
        <translation>&amp;Créer la clé</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Set Up the Replication Key of %1</source>
        <translation>Créer la clé de réplication de %1</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>backup</translation>
    </message>
    <message>
        <source>main</source>
        <translation>main</translation>
    </message>
    <message>
        <source>&amp;Forward: the key of the job's runs (main → backup), %1</source>
        <translation>&amp;Aller : la clé des exécutions de la tâche (main → backup), %1</translation>
    </message>
    <message>
        <source>&amp;Reverse: the key of failback's copy back (backup → main), %1</source>
        <translation>&amp;Retour : la clé de la recopie du retour (backup → main), %1</translation>
    </message>
    <message>
        <source>Only a job with exactly one source can copy back.</source>
        <translation>Seule une tâche à une seule source peut recopier en retour.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>The file the SSH server of %1 reads the authorized keys from; change it only when its sshd reads another one (AuthorizedKeysFile).</source>
        <translation>Le fichier où le serveur SSH de %1 lit les clés autorisées ; ne le changez que si son sshd en lit un autre (AuthorizedKeysFile).</translation>
    </message>
    <message>
        <source>&amp;authorized_keys on %1:</source>
        <translation>&amp;authorized_keys sur %1 :</translation>
    </message>
    <message>
        <source>Set-up progress</source>
        <translation>Avancement de la création</translation>
    </message>
    <message>
        <source>Relais makes a new ed25519 key on %1 (%2), the host that starts the copies: %3, readable only by its owner, and %4 with the SSH key of %5 as Relais trusts it.</source>
        <translation>Relais crée une nouvelle clé ed25519 sur %1 (%2), l’hôte qui lance les copies : %3, lisible par son seul propriétaire, et %4 avec la clé SSH de %5 telle que Relais lui fait confiance.</translation>
    </message>
    <message>
        <source>On %1 (%2), its public half goes into %3, restricted to: %4</source>
        <translation>Sur %1 (%2), sa moitié publique va dans %3, restreinte à : %4</translation>
    </message>
    <message>
        <source>The line of this job's previous key there is replaced; every other line stays. rrsync must be installed on %1.</source>
        <translation>La ligne de la clé précédente de cette tâche y est remplacée ; toutes les autres lignes restent. rrsync doit être installé sur %1.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Stop the set-up</source>
        <translation>Arrêter la création</translation>
    </message>
    <message>
        <source>no session to the hosts</source>
        <translation>pas de session vers les hôtes</translation>
    </message>
    <message>
        <source>The replication key of %1 was not set up.</source>
        <translation>La clé de réplication de %1 n’a pas été créée.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Détails : %1</translation>
    </message>
    <message>
        <source>Connecting to the hosts…</source>
        <translation>Connexion aux hôtes…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>The replication key %1 is set up.</source>
        <translation>La clé de réplication %1 est en place.</translation>
    </message>
    <message>
        <source>Private key: %1 on %2</source>
        <translation>Clé privée : %1 sur %2</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>Empreinte : %1</translation>
    </message>
    <message>
        <source>Authorized in %1 on %2, for rrsync on the job's paths only.</source>
        <translation>Autorisée dans %1 sur %2, pour rrsync sur les chemins de la tâche seulement.</translation>
    </message>
    <message>
        <source>&amp;Set Up Again</source>
        <translation>Re&amp;créer</translation>
    </message>
    <message>
        <source>The set-up was cancelled. A step already done on a host stays done: set the key up again before the job's next run.</source>
        <translation>La création a été annulée. Une étape déjà faite sur un hôte reste faite : recréez la clé avant la prochaine exécution de la tâche.</translation>
    </message>
    <message>
        <source>Relais could not reach a host over SSH, or does not trust the other host's key yet. Check both hosts on the Dashboard (trust the key when asked), then set the key up again.</source>
        <translation>Relais n’a pas pu joindre un hôte en SSH, ou ne fait pas encore confiance à la clé de l’autre hôte. Vérifiez les deux hôtes dans le tableau de bord (acceptez la clé quand elle est demandée), puis recréez la clé.</translation>
    </message>
    <message>
        <source>A host refused a step of the set-up; the details say which and why. Fix it (install rrsync, or give the authorized_keys file its sshd reads), then set the key up again.</source>
        <translation>Un hôte a refusé une étape de la création ; les détails disent laquelle et pourquoi. Corrigez (installez rrsync, ou indiquez le fichier authorized_keys que lit son sshd), puis recréez la clé.</translation>
    </message>
</context>
<context>
    <name>relais::ReplicationKeySetup</name>
    <message>
        <source>the other host's SSH key is not trusted yet; trust it first</source>
        <translation>la clé SSH de l’autre hôte n’est pas encore approuvée ; approuvez-la d’abord</translation>
    </message>
    <message>
        <source>no session to the hosts</source>
        <translation>pas de session vers les hôtes</translation>
    </message>
    <message>
        <source>the replication key's set-up was cancelled</source>
        <translation>la création de la clé de réplication a été annulée</translation>
    </message>
    <message>
        <source>cannot run the set-up command on %1: %2</source>
        <translation>impossible d’exécuter la commande de création sur %1 : %2</translation>
    </message>
    <message>
        <source>Checking that rrsync is installed on %1…</source>
        <translation>Vérification de la présence de rrsync sur %1…</translation>
    </message>
    <message>
        <source>rrsync is not installed on %1 (Debian's rsync package ships it from 3.2.3 on); the replication key cannot be restricted without it</source>
        <translation>rrsync n’est pas installé sur %1 (le paquet rsync de Debian le fournit à partir de 3.2.3) ; sans lui, la clé de réplication ne peut pas être restreinte</translation>
    </message>
    <message>
        <source>Relais trusts no SSH key of %1 on port %2 yet; connect to it and trust its key first</source>
        <translation>Relais n’approuve encore aucune clé SSH de %1 sur le port %2 ; connectez-vous-y et approuvez sa clé d’abord</translation>
    </message>
    <message>
        <source>Installing the new key on %1…</source>
        <translation>Installation de la nouvelle clé sur %1…</translation>
    </message>
    <message>
        <source>cannot install the replication key on the initiating host: %1</source>
        <translation>impossible d’installer la clé de réplication sur l’hôte initiateur : %1</translation>
    </message>
    <message>
        <source>Authorizing the key in %1 on %2…</source>
        <translation>Autorisation de la clé dans %1 sur %2…</translation>
    </message>
    <message>
        <source>cannot authorize the replication key on %1: %2</source>
        <translation>impossible d’autoriser la clé de réplication sur %1 : %2</translation>
    </message>
</context>
<context>
    <name>relais::ReverseSyncStepJob</name>
    <message numerus="yes">
        <source>The sync job %1 has %n source(s): only a job with one source can be synced back from backup to main.</source>
        <translation>
            <numerusform>La tâche de synchronisation %1 a %n source : seule une tâche à source unique peut être resynchronisée de backup vers main.</numerusform>
            <numerusform>La tâche de synchronisation %1 a %n sources : seule une tâche à source unique peut être resynchronisée de backup vers main.</numerusform>
        </translation>
    </message>
    <message>
        <source>No database: the time of the failover (the replication lock) is unknown.</source>
        <translation>Aucune base de données : l'heure de la bascule (le verrou de réplication) est inconnue.</translation>
    </message>
    <message>
        <source>Replication from main to backup is not locked: there was no failover to fail back from, so nothing is synced back.</source>
        <translation>La réplication de main vers backup n'est pas verrouillée : il n'y a pas eu de bascule, donc pas de retour à faire, et rien n'est resynchronisé.</translation>
    </message>
    <message>
        <source>Sync job %1, backup to main: changes since the failover at %2 (UTC).</source>
        <translation>Tâche de synchronisation %1, de backup vers main : modifications depuis la bascule à %2 (UTC).</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more change(s).</source>
        <translation>
            <numerusform>… et %n autre modification.</numerusform>
            <numerusform>… et %n autres modifications.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from backup to main.</source>
        <translation>
            <numerusform>%n modification de backup vers main.</numerusform>
            <numerusform>%n modifications de backup vers main.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>No session to main.</source>
        <translation>Aucune session vers main.</translation>
    </message>
    <message>
        <source>Cannot list the files main changed since the failover (exit status %1): %2</source>
        <translation>Impossible de lister les fichiers modifiés par main depuis la bascule (code de sortie %1) : %2</translation>
    </message>
    <message>
        <source>Changed on both sides: %1</source>
        <translation>Modifiés des deux côtés : %1</translation>
    </message>
    <message numerus="yes">
        <source>Main changed %n file(s) since the failover that the sync from backup would overwrite or delete: %1. Nothing was copied; reconcile these files by hand, then fail back again.</source>
        <translation>
            <numerusform>Depuis la bascule, main a modifié %n fichier que la synchronisation depuis backup écraserait ou supprimerait : %1. Rien n'a été copié ; réconciliez ce fichier manuellement, puis relancez le retour.</numerusform>
            <numerusform>Depuis la bascule, main a modifié %n fichiers que la synchronisation depuis backup écraserait ou supprimerait : %1. Rien n'a été copié ; réconciliez ces fichiers manuellement, puis relancez le retour.</numerusform>
        </translation>
    </message>
    <message>
        <source>No file changed on both sides.</source>
        <translation>Aucun fichier modifié des deux côtés.</translation>
    </message>
    <message>
        <source>%1 back to main: %2 (%3 files in %4 s)</source>
        <translation>%1 en retour vers main : %2 (%3 fichiers en %4 s)</translation>
    </message>
</context>
<context>
    <name>relais::Rfc2136Provider</name>
    <message>
        <source>RFC 2136</source>
        <translation>RFC 2136</translation>
    </message>
</context>
<context>
    <name>relais::SequenceStepJob</name>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
</context>
<context>
    <name>relais::ServiceCheckStepJob</name>
    <message>
        <source>no address</source>
        <translation>aucune adresse</translation>
    </message>
    <message>
        <source>Waiting for every authoritative server to answer %1 for %2.</source>
        <translation>En attente que chaque serveur faisant autorité réponde %1 pour %2.</translation>
    </message>
    <message>
        <source>No server to check %1 at: the site lists none ("verify") and the provider has no server to ask for the zone's name servers.</source>
        <translation>Aucun serveur auprès duquel vérifier %1 : le site n'en liste aucun ("verify") et le fournisseur n'a aucun serveur à interroger pour obtenir les serveurs de noms de la zone.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Cannot find the name servers of %1 at %2: %3</source>
        <translation>Impossible de trouver les serveurs de noms de %1 auprès de %2 : %3</translation>
    </message>
    <message>
        <source>no NS record</source>
        <translation>aucun enregistrement NS</translation>
    </message>
    <message>
        <source>No address found for the name servers of %1 (%2).</source>
        <translation>Aucune adresse trouvée pour les serveurs de noms de %1 (%2).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 gives no answer (%2)</source>
        <translation>%1 ne donne aucune réponse (%2)</translation>
    </message>
    <message>
        <source>%1 answers %2</source>
        <translation>%1 répond %2</translation>
    </message>
    <message>
        <source>%1 answers %2 (after %3 ms).</source>
        <translation>%1 répond %2 (après %3 ms).</translation>
    </message>
    <message numerus="yes">
        <source>The service answers its %n probe(s) (after %1 ms).</source>
        <translation>
            <numerusform>Le service répond à %n sonde (après %1 ms).</numerusform>
            <numerusform>Le service répond à ses %n sondes (après %1 ms).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every authoritative server (%n) answers %1 for %2: converged in %3 ms.</source>
        <translation>
            <numerusform>Le serveur faisant autorité (%n) répond %1 pour %2 : convergence en %3 ms.</numerusform>
            <numerusform>Tous les serveurs faisant autorité (%n) répondent %1 pour %2 : convergence en %3 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation>En attente : %1</translation>
    </message>
</context>
<context>
    <name>relais::SiteConnections</name>
    <message>
        <source>The site gives no LXD daemon for %1 ("lxd" of the host).</source>
        <translation>Le site ne donne aucun démon LXD pour %1 ("lxd" de l’hôte).</translation>
    </message>
    <message>
        <source>The LXD endpoint of %1 was not read from the vault.</source>
        <translation>Le point d’accès LXD de %1 n’a pas été lu dans le coffre.</translation>
    </message>
    <message>
        <source>The vault entry "%1" was not read when these connections were opened.</source>
        <translation>L’entrée « %1 » du coffre n’a pas été lue à l’ouverture de ces connexions.</translation>
    </message>
</context>
<context>
    <name>relais::SnapshotSettingsDialog</name>
    <message>
        <source>Scheduled snapshots of %1</source>
        <translation>Instantanés planifiés de %1</translation>
    </message>
    <message>
        <source>none (for example @daily or 0 */6 * * *)</source>
        <translation>aucune (par exemple @daily ou 0 */6 * * *)</translation>
    </message>
    <message>
        <source>never (for example 2w or 1d 12H)</source>
        <translation>jamais (par exemple 2w ou 1d 12H)</translation>
    </message>
    <message>
        <source>LXD's default (snap%d)</source>
        <translation>Valeur par défaut de LXD (snap%d)</translation>
    </message>
    <message>
        <source>LXD takes these snapshots itself. An empty field removes the setting from the container; its profile's value then applies.</source>
        <translation>LXD prend ces instantanés lui-même. Un champ vide retire le réglage du conteneur ; la valeur de son profil s’applique alors.</translation>
    </message>
    <message>
        <source>&amp;Schedule:</source>
        <translation>&amp;Planification :</translation>
    </message>
    <message>
        <source>&amp;Expiry:</source>
        <translation>&amp;Expiration :</translation>
    </message>
    <message>
        <source>&amp;Name pattern:</source>
        <translation>Modèle de &amp;nom :</translation>
    </message>
    <message>
        <source>%1 (from a profile)</source>
        <translation>%1 (d’un profil)</translation>
    </message>
    <message>
        <source>These are the values you typed before; they are not saved yet.</source>
        <translation>Ce sont les valeurs que vous aviez saisies ; elles ne sont pas encore enregistrées.</translation>
    </message>
</context>
<context>
    <name>relais::SnapshotTimeline</name>
    <message>
        <source>Snapshot timeline</source>
        <translation>Chronologie des instantanés</translation>
    </message>
    <message>
        <source>No container selected</source>
        <translation>Aucun conteneur sélectionné</translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s) of %1</source>
        <translation>
            <numerusform>%n instantané de %1</numerusform>
            <numerusform>%n instantanés de %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
taken %2</source>
        <translation>%1
pris %2</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>expire le %1</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>n’expire jamais</translation>
    </message>
    <message>
        <source>Select a container to see its snapshots</source>
        <translation>Sélectionnez un conteneur pour voir ses instantanés</translation>
    </message>
    <message>
        <source>No snapshot of %1</source>
        <translation>Aucun instantané de %1</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
</context>
<context>
    <name>relais::Sparkline</name>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>Latency: no check yet</source>
        <translation>Latence : aucune vérification encore</translation>
    </message>
    <message numerus="yes">
        <source>Last %n minute(s): </source>
        <translation>
            <numerusform>Dernière minute : </numerusform>
            <numerusform>%n dernières minutes : </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check(s)</source>
        <translation>
            <numerusform>%n vérification</numerusform>
            <numerusform>%n vérifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>latency %1–%2 ms</source>
        <translation>latence %1–%2 ms</translation>
    </message>
</context>
<context>
    <name>relais::SshCommand</name>
    <message>
        <source>The vault %1 has no SSH key "%2" (%3); add it with "relaisctl vault add %2 --kind ssh-private-key".</source>
        <translation>Le coffre %1 n’a pas de clé SSH « %2 » (%3) ; ajoutez-la avec « relaisctl vault add %2 --kind ssh-private-key ».</translation>
    </message>
    <message>
        <source>Usage: relaisctl ssh exec|trust [OPTIONS]
  ssh exec --site FILE [--timeout SECONDS] HOST -- COMMAND...
  ssh trust --site FILE HOST --fingerprint SHA256:...
HOST is main or backup. Both take --vault FILE and --passphrase-file FILE as "relaisctl vault" does.
"relaisctl ssh COMMAND --help" describes each command.</source>
        <translation>Usage : relaisctl ssh exec|trust [OPTIONS]
  ssh exec --site FICHIER [--timeout SECONDES] HÔTE -- COMMANDE...
  ssh trust --site FICHIER HÔTE --fingerprint SHA256:...
HÔTE est main ou backup. Les deux acceptent --vault FICHIER et --passphrase-file FICHIER comme « relaisctl vault ».
« relaisctl ssh COMMANDE --help » décrit chaque commande.</translation>
    </message>
    <message>
        <source>Unknown ssh command: %1</source>
        <translation>Commande ssh inconnue : %1</translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation>Le document de site.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation>Lire la phrase de passe du coffre dans FICHIER (sa première ligne). Sans cette option, la phrase de passe vient de la variable d’environnement RELAIS_VAULT_PASSPHRASE, sinon elle est demandée dans le terminal.</translation>
    </message>
    <message>
        <source>main or backup.</source>
        <translation>main ou backup.</translation>
    </message>
    <message>
        <source>Run COMMAND on a host of the site over SSH. Its standard output and error come to ours, and its exit status is ours. An unknown host key is refused: check its fingerprint and trust it with "relaisctl ssh trust".</source>
        <translation>Exécuter COMMANDE sur un hôte du site par SSH. Ses sorties standard et d’erreur arrivent sur les nôtres, et son code de sortie est le nôtre. Une clé d’hôte inconnue est refusée : vérifiez son empreinte et approuvez-la avec « relaisctl ssh trust ».</translation>
    </message>
    <message>
        <source>The command and its arguments, after --.</source>
        <translation>La commande et ses arguments, après --.</translation>
    </message>
    <message>
        <source>Stop the command after SECONDS (default: no limit).</source>
        <translation>Arrêter la commande après SECONDES (par défaut : sans limite).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>Usage: relaisctl ssh exec --site FILE [--timeout SECONDS] HOST -- COMMAND...</source>
        <translation>Usage : relaisctl ssh exec --site FICHIER [--timeout SECONDES] HÔTE -- COMMANDE...</translation>
    </message>
    <message>
        <source>--timeout must be a whole number of seconds from 1 to 86400.</source>
        <translation>--timeout doit être un nombre entier de secondes de 1 à 86400.</translation>
    </message>
    <message>
        <source>Connect to a host of the site and trust its SSH host key, only if its fingerprint is the one given (compare with ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the host). A key that differs from the trusted one is always refused.</source>
        <translation>Se connecter à un hôte du site et approuver sa clé d’hôte SSH, seulement si son empreinte est celle donnée (comparez avec ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub sur l’hôte). Une clé différente de celle approuvée est toujours refusée.</translation>
    </message>
    <message>
        <source>The host key's fingerprint, SHA256:...</source>
        <translation>L’empreinte de la clé d’hôte, SHA256:...</translation>
    </message>
    <message>
        <source>FINGERPRINT</source>
        <translation>EMPREINTE</translation>
    </message>
    <message>
        <source>Usage: relaisctl ssh trust --site FILE HOST --fingerprint SHA256:...</source>
        <translation>Usage : relaisctl ssh trust --site FICHIER HÔTE --fingerprint SHA256:...</translation>
    </message>
    <message>
        <source>The fingerprint must look like SHA256:... as ssh-keygen -l prints it.</source>
        <translation>L’empreinte doit avoir la forme SHA256:... comme l’affiche ssh-keygen -l.</translation>
    </message>
    <message>
        <source>The host key of %1 was already trusted.</source>
        <translation>La clé d’hôte de %1 était déjà approuvée.</translation>
    </message>
    <message>
        <source>Trusted the host key %1 of %2 in %3.</source>
        <translation>Clé d’hôte %1 de %2 approuvée dans %3.</translation>
    </message>
    <message>
        <source>Unknown host "%1": use main or backup.</source>
        <translation>Hôte inconnu « %1 » : utilisez main ou backup.</translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation>Impossible d’utiliser le site %1 : %2</translation>
    </message>
    <message>
        <source>There is no vault at %1. Create one with "relaisctl vault init", or choose the file with --vault FILE.</source>
        <translation>Il n’y a pas de coffre en %1. Créez-en un avec « relaisctl vault init », ou choisissez le fichier avec --vault FICHIER.</translation>
    </message>
    <message>
        <source>Cannot open the vault %1: %2</source>
        <translation>Impossible d’ouvrir le coffre %1 : %2</translation>
    </message>
    <message>
        <source>The host key of %1 is not trusted yet: %2 %3. Nothing was run. Check this fingerprint on the host (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then run:
  relaisctl ssh trust --site %4 %5 --fingerprint %3</source>
        <translation>La clé d’hôte de %1 n’est pas encore approuvée : %2 %3. Rien n’a été exécuté. Vérifiez cette empreinte sur l’hôte (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), puis lancez :
  relaisctl ssh trust --site %4 %5 --fingerprint %3</translation>
    </message>
    <message>
        <source>The host key of %1 is %2 %3, not %4; it was NOT trusted. Check the fingerprint on the host and try again.</source>
        <translation>La clé d’hôte de %1 est %2 %3, pas %4 ; elle n’a PAS été approuvée. Vérifiez l’empreinte sur l’hôte et réessayez.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusé : %1</translation>
    </message>
    <message>
        <source>SSH error on %1: %2</source>
        <translation>Erreur SSH sur %1 : %2</translation>
    </message>
    <message>
        <source>The vault with the SSH keys (default: the site's "vault", else %1).</source>
        <translation>Le coffre qui contient les clés SSH (par défaut : le « vault » du site, sinon %1).</translation>
    </message>
</context>
<context>
    <name>relais::SyncCommand</name>
    <message>
        <source>Unknown sync command: %1</source>
        <translation>Commande sync inconnue : %1</translation>
    </message>
    <message>
        <source>The site document.</source>
        <translation>Le document de site.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Print JSON (status).</source>
        <translation>Afficher du JSON (status).</translation>
    </message>
    <message>
        <source>The vault with the SSH keys (default: the site's "vault", else %1).</source>
        <translation>Le coffre contenant les clés SSH (par défaut : le "vault" du site, sinon %1).</translation>
    </message>
    <message>
        <source>Read the vault passphrase from FILE (its first line). Without it, the passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal.</source>
        <translation>Lire la phrase de passe du coffre dans FICHIER (sa première ligne). Sans cela, la phrase de passe vient de la variable d’environnement RELAIS_VAULT_PASSPHRASE, sinon elle est demandée dans le terminal.</translation>
    </message>
    <message>
        <source>Where the job's replication key is on the initiating host (default ~/.ssh/relais-sync).</source>
        <translation>Emplacement de la clé de réplication de la tâche sur l’hôte initiateur (~/.ssh/relais-sync par défaut).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DOSSIER</translation>
    </message>
    <message>
        <source>install: use a systemd timer.</source>
        <translation>install : utiliser un timer systemd.</translation>
    </message>
    <message>
        <source>install: use a cron entry.</source>
        <translation>install : utiliser une entrée cron.</translation>
    </message>
    <message>
        <source>install: remove the installed job.</source>
        <translation>install : supprimer la tâche installée.</translation>
    </message>
    <message>
        <source>The sync job's name.</source>
        <translation>Le nom de la tâche de synchronisation.</translation>
    </message>
    <message>
        <source>Choose --systemd or --cron, not both.</source>
        <translation>Choisissez --systemd ou --cron, pas les deux.</translation>
    </message>
    <message>
        <source>Cannot use the site %1: %2</source>
        <translation>Impossible d’utiliser le site %1 : %2</translation>
    </message>
    <message>
        <source>The site has no sync job "%1" (its jobs: %2).</source>
        <translation>Le site n’a pas de tâche de synchronisation "%1" (ses tâches : %2).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Impossible d’ouvrir la base de données %1 : %2</translation>
    </message>
    <message>
        <source>Attempt %1 failed: %2</source>
        <translation>La tentative %1 a échoué : %2</translation>
    </message>
    <message>
        <source>Retrying in %1 s.</source>
        <translation>Nouvelle tentative dans %1 s.</translation>
    </message>
    <message>
        <source>%1 %2%  %3/s  ETA %4  </source>
        <translation>%1 %2%  %3/s  reste %4  </translation>
    </message>
    <message>
        <source>The run could not be kept in the history: %1</source>
        <translation>L’exécution n’a pas pu être conservée dans l’historique : %1</translation>
    </message>
    <message>
        <source>Sync job %1 failed: %2</source>
        <translation>La tâche de synchronisation %1 a échoué : %2</translation>
    </message>
    <message>
        <source>%1: %2 (%3 files, %4 sent in %5 s)</source>
        <translation>%1 : %2 (%3 fichiers, %4 envoyés en %5 s)</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Attention : %1</translation>
    </message>
    <message>
        <source>Cannot reach the initiating host: %1</source>
        <translation>Impossible de joindre l’hôte initiateur : %1</translation>
    </message>
    <message>
        <source>Sync job %1 removed from its host.</source>
        <translation>Tâche de synchronisation %1 supprimée de son hôte.</translation>
    </message>
    <message>
        <source>Neither systemd nor cron runs on the initiating host; install one, or write the files anyway with --systemd or --cron.</source>
        <translation>Ni systemd ni cron ne tourne sur l’hôte initiateur ; installez l’un des deux, ou écrivez quand même les fichiers avec --systemd ou --cron.</translation>
    </message>
    <message>
        <source>Cannot install the job %1: %2</source>
        <translation>Impossible d’installer la tâche %1 : %2</translation>
    </message>
    <message>
        <source>Installing the job failed: %1</source>
        <translation>L’installation de la tâche a échoué : %1</translation>
    </message>
    <message>
        <source>Sync job %1 installed as the systemd timer %2.timer; its runs go to %3.</source>
        <translation>Tâche de synchronisation %1 installée comme timer systemd %2.timer ; ses exécutions vont dans %3.</translation>
    </message>
    <message>
        <source>Sync job %1 installed as %2; its runs go to %3.</source>
        <translation>Tâche de synchronisation %1 installée comme %2 ; ses exécutions vont dans %3.</translation>
    </message>
    <message>
        <source>Sync job %1</source>
        <translation>Tâche de synchronisation %1</translation>
    </message>
    <message>
        <source>Locked: %1</source>
        <translation>Verrouillée : %1</translation>
    </message>
    <message>
        <source>Not locked</source>
        <translation>Non verrouillée</translation>
    </message>
    <message>
        <source>Next run: %1</source>
        <translation>Prochaine exécution : %1</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>à la demande</translation>
    </message>
    <message>
        <source>RPO now: %1 min (target %2 min)%3</source>
        <translation>RPO actuel : %1 min (cible %2 min)%3</translation>
    </message>
    <message>
        <source> — over target</source>
        <translation> — au-delà de la cible</translation>
    </message>
    <message>
        <source>RPO now: unknown (no canary on backup yet)</source>
        <translation>RPO actuel : inconnu (pas encore de témoin sur backup)</translation>
    </message>
    <message>
        <source>Missed: the run due at %1 did not happen</source>
        <translation>Manquée : l’exécution prévue à %1 n’a pas eu lieu</translation>
    </message>
    <message>
        <source>Last runs:</source>
        <translation>Dernières exécutions :</translation>
    </message>
    <message>
        <source>%1  %2%3  %4 files  %5</source>
        <translation>%1  %2%3  %4 fichiers  %5</translation>
    </message>
    <message>
        <source> (dry run)</source>
        <translation> (à blanc)</translation>
    </message>
    <message>
        <source>Cannot read the canary on backup: %1</source>
        <translation>Impossible de lire le témoin sur backup : %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Usage: relaisctl sync run|dry-run|status|install|setup-key --site FILE JOB
Takes --vault FILE and --passphrase-file FILE as "relaisctl vault" does. "relaisctl sync run --help" describes it.</source>
        <translation>Utilisation : relaisctl sync run|dry-run|status|install|setup-key --site FICHIER TÂCHE
Accepte --vault FICHIER et --passphrase-file FICHIER comme "relaisctl vault". "relaisctl sync run --help" la décrit.</translation>
    </message>
    <message>
        <source>run: one run of the sync job JOB (hooks, canary, rsync between the hosts, retries), kept in the history. dry-run: list what a run would change, changing nothing. status: the job's last runs, next run, direction lock and RPO (age of the canary on backup) against the site's target. install: put the job on its initiating host (a systemd timer, else a cron entry) so it runs with no console open. setup-key: make the job's replication key, its private half on the initiating host and its public half on the other host, confined to rsync on the job's paths.</source>
        <translation>run : une exécution de la tâche de synchronisation TÂCHE (hooks, témoin, rsync entre les hôtes, nouvelles tentatives), conservée dans l’historique. dry-run : lister ce qu’une exécution changerait, sans rien changer. status : les dernières exécutions de la tâche, la prochaine exécution, le verrou de sens et le RPO (âge du témoin sur backup) par rapport à la cible du site. install : installer la tâche sur son hôte initiateur (un timer systemd, sinon une entrée cron) pour qu’elle s’exécute sans console ouverte. setup-key : créer la clé de réplication de la tâche, sa moitié privée sur l’hôte initiateur et sa moitié publique sur l’autre hôte, limitée à rsync sur les chemins de la tâche.</translation>
    </message>
    <message>
        <source>setup-key: the key of the reverse flow (failback, backup to main).</source>
        <translation>setup-key : la clé du sens inverse (retour sur main, de backup vers main).</translation>
    </message>
    <message>
        <source>Usage: relaisctl sync run|dry-run|status|install|setup-key --site FILE [--json] JOB</source>
        <translation>Utilisation : relaisctl sync run|dry-run|status|install|setup-key --site FICHIER [--json] TÂCHE</translation>
    </message>
    <message>
        <source>Cannot read the direction lock: %1</source>
        <translation>Impossible de lire le verrou de sens : %1</translation>
    </message>
    <message>
        <source>Replication main → backup is locked (%1); the job is not installed. Fail back first, which unlocks it.</source>
        <translation>La réplication main → backup est verrouillée (%1) ; la tâche n’est pas installée. Revenez d’abord sur main, ce qui la déverrouille.</translation>
    </message>
    <message>
        <source>Relais trusts no host key of %1 yet; check it and run "relaisctl ssh trust" first.</source>
        <translation>Relais n’approuve encore aucune clé d’hôte de %1 ; vérifiez-la et lancez d’abord « relaisctl ssh trust ».</translation>
    </message>
    <message>
        <source>Cannot set up the replication key of %1: %2</source>
        <translation>Impossible de mettre en place la clé de réplication de %1 : %2</translation>
    </message>
    <message>
        <source>setup-key: the other host's authorized_keys file, when its sshd reads another one (default ~/.ssh/authorized_keys).</source>
        <translation>setup-key : le fichier authorized_keys de l’autre hôte, quand son sshd en lit un autre (par défaut ~/.ssh/authorized_keys).</translation>
    </message>
    <message>
        <source>Replication key %1 set up: its private half in %2 on %3, its public half in %4 on %5, confined to: %6</source>
        <translation>Clé de réplication %1 mise en place : sa moitié privée dans %2 sur %3, sa moitié publique dans %4 sur %5, limitée à : %6</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Last run's totals:</source>
        <translation>Totaux de la dernière exécution :</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non enregistrés</translation>
    </message>
    <message>
        <source>transferred %1 of %2 files (%3 of %4)</source>
        <translation>%1 fichiers transférés sur %2 (%3 sur %4)</translation>
    </message>
    <message>
        <source>created %1, deleted %2</source>
        <translation>%1 créés, %2 supprimés</translation>
    </message>
    <message>
        <source>literal data %1, matched data %2</source>
        <translation>données littérales %1, données retrouvées %2</translation>
    </message>
    <message>
        <source>sent %1, received %2</source>
        <translation>envoyé %1, reçu %2</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n changement</numerusform>
            <numerusform>%n changements</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped: the host's start at %1 found a run of the job still going</source>
        <translation>Sautée : le lancement de %1 sur l’hôte a trouvé une exécution de la tâche encore en cours</translation>
    </message>
</context>
<context>
    <name>relais::SyncConsole</name>
    <message>
        <source>Sync job %1 missed a run</source>
        <translation>La tâche de synchronisation %1 a manqué une exécution</translation>
    </message>
    <message>
        <source>The run due at %1 did not start: the backup's copy grows older than planned.</source>
        <translation>L'exécution prévue à %1 n'a pas démarré : la copie sur backup devient plus ancienne que prévu.</translation>
    </message>
    <message>
        <source>replication main → backup is locked (%1)</source>
        <translation>la réplication main → backup est verrouillée (%1)</translation>
    </message>
    <message>
        <source>the vault is locked: unlock it to run sync jobs</source>
        <translation>le coffre est verrouillé : déverrouillez-le pour exécuter les tâches de synchronisation</translation>
    </message>
    <message>
        <source>the site has no sync job %1</source>
        <translation>le site n’a pas de tâche de synchronisation %1</translation>
    </message>
    <message>
        <source>no connection to the hosts: unlock the vault to set up the key</source>
        <translation>pas de connexion aux hôtes : déverrouillez le coffre pour créer la clé</translation>
    </message>
</context>
<context>
    <name>relais::SyncRunChart</name>
    <message>
        <source>Duration and bytes per run</source>
        <translation>Durée et octets par exécution</translation>
    </message>
    <message>
        <source>No run yet.</source>
        <translation>Aucune exécution pour l'instant.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), %1 failed; longest %2 s, largest %3.</source>
        <translation>
            <numerusform>%n exécution, %1 en échec ; la plus longue %2 s, la plus volumineuse %3.</numerusform>
            <numerusform>%n exécutions, %1 en échec ; la plus longue %2 s, la plus volumineuse %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::SyncRunDetails</name>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Totals of the selected run</source>
        <translation>Totaux de l’exécution choisie</translation>
    </message>
    <message>
        <source>Changes of the selected run</source>
        <translation>Changements de l’exécution choisie</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>rsync flags</source>
        <translation>Indicateurs rsync</translation>
    </message>
    <message>
        <source>rsync's totals were not recorded for this run.</source>
        <translation>Les totaux de rsync n’ont pas été enregistrés pour cette exécution.</translation>
    </message>
    <message>
        <source>Transferred: %1 of %2 files (%3 of %4)</source>
        <translation>Transférés : %1 fichiers sur %2 (%3 sur %4)</translation>
    </message>
    <message>
        <source>Created: %1, deleted: %2</source>
        <translation>Créés : %1, supprimés : %2</translation>
    </message>
    <message>
        <source>Literal data: %1, matched data: %2</source>
        <translation>Données littérales : %1, données retrouvées : %2</translation>
    </message>
    <message>
        <source>Sent: %1, received: %2</source>
        <translation>Envoyé : %1, reçu : %2</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <source>hard link</source>
        <translation>lien physique</translation>
    </message>
    <message>
        <source>attributes</source>
        <translation>attributs</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Rien n’a changé.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s); their list is not kept (a run of the job installed on its host, or an older run).</source>
        <translation>
            <numerusform>%n changement ; leur liste n’est pas conservée (une exécution de la tâche installée sur son hôte, ou une exécution plus ancienne).</numerusform>
            <numerusform>%n changements ; leur liste n’est pas conservée (une exécution de la tâche installée sur son hôte, ou une exécution plus ancienne).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %1 changes are listed; %n more were not kept.</source>
        <translation>
            <numerusform>Les %1 premiers changements sont listés ; %n autre n’a pas été conservé.</numerusform>
            <numerusform>Les %1 premiers changements sont listés ; %n autres n’ont pas été conservés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s).</source>
        <translation>
            <numerusform>%n changement.</numerusform>
            <numerusform>%n changements.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a run to see its totals and changes.</source>
        <translation>Choisissez une exécution pour voir ses totaux et ses changements.</translation>
    </message>
</context>
<context>
    <name>relais::SyncRunJob</name>
    <message numerus="yes">
        <source>%1 (after %n attempts)</source>
        <translation>
            <numerusform>%1 (après %n tentative)</numerusform>
            <numerusform>%1 (après %n tentatives)</numerusform>
        </translation>
    </message>
    <message>
        <source>replication from main to backup is locked (%1); nothing was copied</source>
        <translation>la réplication de main vers backup est verrouillée (%1) ; rien n’a été copié</translation>
    </message>
    <message>
        <source>the job has %1 sources: only a job with one source can be synced back from backup to main; nothing was copied</source>
        <translation>la tâche a %1 sources : seule une tâche à une seule source peut être recopiée de backup vers main ; rien n’a été copié</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>A run of job %1 is already in progress on %2 (started by its schedule on the host, or from another console); try again when it ends. Nothing was copied.</source>
        <translation>Une exécution de la tâche %1 est déjà en cours sur %2 (lancée par sa planification sur l’hôte, ou depuis une autre console) ; réessayez quand elle sera terminée. Rien n’a été copié.</translation>
    </message>
    <message>
        <source>cancelled while waiting to retry</source>
        <translation>annulé pendant l’attente avant une nouvelle tentative</translation>
    </message>
    <message>
        <source>no session to run the hook</source>
        <translation>pas de session pour lancer le hook</translation>
    </message>
    <message>
        <source>cancelled during a hook</source>
        <translation>annulé pendant un hook</translation>
    </message>
    <message>
        <source>the pre-sync hook "%1" did not complete: %2; nothing was copied</source>
        <translation>le hook d’avant synchronisation « %1 » n’a pas abouti : %2 ; rien n’a été copié</translation>
    </message>
    <message>
        <source>the pre-sync hook "%1" exited with status %2; nothing was copied</source>
        <translation>le hook d’avant synchronisation « %1 » s’est terminé avec le code %2 ; rien n’a été copié</translation>
    </message>
    <message>
        <source>no session to main</source>
        <translation>pas de session vers main</translation>
    </message>
    <message>
        <source>exit status %1: %2</source>
        <translation>code de sortie %1 : %2</translation>
    </message>
    <message>
        <source>cannot write the RPO canary on main (%1); nothing was copied</source>
        <translation>impossible d’écrire le canari RPO sur main (%1) ; rien n’a été copié</translation>
    </message>
    <message>
        <source>no session to the initiating host</source>
        <translation>pas de session vers l’hôte initiateur</translation>
    </message>
    <message>
        <source>it did not finish within %1 s</source>
        <translation>elle ne s’est pas terminée en %1 s</translation>
    </message>
    <message>
        <source>the command ended with status %1 before the canary was written: %2</source>
        <translation>la commande s’est terminée avec le code %1 avant l’écriture du canari : %2</translation>
    </message>
    <message>
        <source>cancelled during the transfer</source>
        <translation>annulé pendant le transfert</translation>
    </message>
    <message>
        <source>rsync could not run: %1</source>
        <translation>rsync n’a pas pu s’exécuter : %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 [after %n attempts]</source>
        <translation>
            <numerusform>%1 [après %n tentative]</numerusform>
            <numerusform>%1 [après %n tentatives]</numerusform>
        </translation>
    </message>
    <message>
        <source>attempt %1 of %2 failed: %3; retrying in %4 s</source>
        <translation>la tentative %1 sur %2 a échoué : %3 ; nouvel essai dans %4 s</translation>
    </message>
</context>
<context>
    <name>relais::SyncStepJob</name>
    <message>
        <source>%1  %2 %  %3/s</source>
        <translation>%1  %2 %  %3/s</translation>
    </message>
    <message>
        <source>Sync job %1, main to backup.</source>
        <translation>Tâche de synchronisation %1, de main vers backup.</translation>
    </message>
    <message>
        <source>Attempt %1 failed (%2); retrying in %3 s.</source>
        <translation>La tentative %1 a échoué (%2) ; nouvel essai dans %3 s.</translation>
    </message>
    <message>
        <source>The run could not be kept in the history: %1</source>
        <translation>L'exécution n'a pas pu être conservée dans l'historique : %1</translation>
    </message>
    <message>
        <source>%1: %2 (%3 files, %4 transferred in %5 s)</source>
        <translation>%1 : %2 (%3 fichiers, %4 transférés en %5 s)</translation>
    </message>
</context>
<context>
    <name>relais::SyncView</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>R&amp;un Now</source>
        <translation>&amp;Lancer maintenant</translation>
    </message>
    <message>
        <source>Dr&amp;y Run</source>
        <translation>&amp;Simulation</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Sync jobs</source>
        <translation>Tâches de synchronisation</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Prochaine exécution</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Dernier résultat</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transféré</translation>
    </message>
    <message>
        <source>RPO now</source>
        <translation>RPO actuel</translation>
    </message>
    <message>
        <source>Direction guard</source>
        <translation>Garde de sens</translation>
    </message>
    <message>
        <source>Copy the selected job's changes to the backup now</source>
        <translation>Copiez maintenant vers backup les modifications de la tâche sélectionnée</translation>
    </message>
    <message>
        <source>List what the selected job would change, without changing anything</source>
        <translation>Listez ce que la tâche sélectionnée modifierait, sans rien modifier</translation>
    </message>
    <message>
        <source>Stop the selected job's run</source>
        <translation>Arrêtez l'exécution de la tâche sélectionnée</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <source>What the dry run would change</source>
        <translation>Ce que la simulation modifierait</translation>
    </message>
    <message>
        <source>Runs of the selected job</source>
        <translation>Exécutions de la tâche sélectionnée</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>Historique des exécutions</translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>toutes les %n minute</numerusform>
            <numerusform>toutes les %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>daily at %1</source>
        <translation>tous les jours à %1</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>à la demande</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>réussie</translation>
    </message>
    <message>
        <source>succeeded with a warning</source>
        <translation>réussie avec un avertissement</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>Replication main → backup is locked since %1: %2 Jobs from main to backup do not run until failback.</source>
        <translation>La réplication main → backup est verrouillée depuis %1 : %2 Les tâches de main vers backup ne s'exécutent pas avant le retour sur main.</translation>
    </message>
    <message>
        <source>push from main</source>
        <translation>envoi depuis main</translation>
    </message>
    <message>
        <source>pull by backup</source>
        <translation>récupération par backup</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>non planifiée</translation>
    </message>
    <message>
        <source>dry run…</source>
        <translation>simulation…</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>en cours…</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>ignorée : %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>never run</source>
        <translation>jamais exécutée</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n fichier, %1</numerusform>
            <numerusform>%n fichiers, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (target %2)</source>
        <translation>%1 (cible %2)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>The backup's copy is older than the site's RPO target.</source>
        <translation>La copie sur backup est plus ancienne que l'objectif RPO du site.</translation>
    </message>
    <message>
        <source>locked since %1: %2</source>
        <translation>verrouillée depuis %1 : %2</translation>
    </message>
    <message>
        <source>not locked</source>
        <translation>non verrouillée</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Replication main → backup is locked until failback</source>
        <translation>La réplication main → backup est verrouillée jusqu'au retour sur main</translation>
    </message>
    <message>
        <source>%1: %p%</source>
        <translation>%1 : %p%</translation>
    </message>
    <message>
        <source>Dry run of %1…</source>
        <translation>Simulation de %1…</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>Exécution de %1…</translation>
    </message>
    <message>
        <source>%1/s, ETA %2</source>
        <translation>%1/s, temps restant %2</translation>
    </message>
    <message>
        <source>Nothing would change.</source>
        <translation>Rien ne serait modifié.</translation>
    </message>
    <message>
        <source>%1: %2. %3</source>
        <translation>%1 : %2. %3</translation>
    </message>
    <message>
        <source>%1 did not run: %2</source>
        <translation>%1 ne s'est pas exécutée : %2</translation>
    </message>
    <message>
        <source>Set Up &amp;Key…</source>
        <translation>&amp;Clé de réplication…</translation>
    </message>
    <message>
        <source>Select a sync job first</source>
        <translation>Choisissez d’abord une tâche de synchronisation</translation>
    </message>
    <message>
        <source>Unlock the vault first (Tools ▸ Credentials…): the key is set up with the site's SSH keys</source>
        <translation>Déverrouillez d’abord le coffre (Outils ▸ Identifiants…) : la clé est créée avec les clés SSH du site</translation>
    </message>
    <message>
        <source>Make the selected job's replication key on the host that starts its copies and authorize it on the other host</source>
        <translation>Créer la clé de réplication de la tâche choisie sur l’hôte qui lance ses copies et l’autoriser sur l’autre hôte</translation>
    </message>
    <message>
        <source>still running on its host at %1</source>
        <translation>encore en cours sur son hôte à %1</translation>
    </message>
</context>
<context>
    <name>relais::TrayIcon</name>
    <message>
        <source>&amp;Open Console</source>
        <translation>&amp;Ouvrir la console</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Relais — no site open</source>
        <translation>Relais — aucun site ouvert</translation>
    </message>
    <message>
        <source>%1 — main: %2, backup: %3</source>
        <translation>%1 — principal : %2, secours : %3</translation>
    </message>
    <message>
        <source>Relais</source>
        <translation>Relais</translation>
    </message>
    <message>
        <source>%1 is down: %2</source>
        <translation>%1 hors service : %2</translation>
    </message>
    <message>
        <source>%1 is degraded: %2</source>
        <translation>%1 dégradé : %2</translation>
    </message>
    <message>
        <source>%1 recovered</source>
        <translation>%1 rétabli</translation>
    </message>
    <message>
        <source>%1: state unknown</source>
        <translation>%1 : état inconnu</translation>
    </message>
    <message>
        <source>Relais keeps watching the site from here. Use Quit in this menu to stop it.</source>
        <translation>Relais continue de surveiller le site d’ici. Choisissez Quitter dans ce menu pour l’arrêter.</translation>
    </message>
    <message>
        <source>Run &amp;Rehearsal Now</source>
        <translation>&amp;Lancer la répétition maintenant</translation>
    </message>
    <message>
        <source>Rehearse the site's recovery plan on isolated clones; production is not touched.</source>
        <translation>Répéter le plan de reprise du site sur des clones isolés ; la production n’est pas touchée.</translation>
    </message>
    <message>
        <source>The open site has no recovery plan ("plan" in its document) to rehearse.</source>
        <translation>Le site ouvert n’a pas de plan de reprise ("plan" dans son document) à répéter.</translation>
    </message>
</context>
<context>
    <name>relais::UnlockDialog</name>
    <message>
        <source>&amp;Remember on this computer</source>
        <translation>Se &amp;souvenir sur cet ordinateur</translation>
    </message>
    <message>
        <source>Create the Vault</source>
        <translation>Créer le coffre</translation>
    </message>
    <message>
        <source>Unlock the Vault</source>
        <translation>Déverrouiller le coffre</translation>
    </message>
    <message>
        <source>There is no vault yet. Choose a passphrase to create one at %1; it encrypts every credential Relais keeps. Nobody can recover it for you.</source>
        <translation>Il n’y a pas encore de coffre. Choisissez une phrase de passe pour en créer un dans %1 ; elle chiffre tous les identifiants que garde Relais. Personne ne pourra la retrouver pour vous.</translation>
    </message>
    <message>
        <source>Type the passphrase of the vault %1.</source>
        <translation>Tapez la phrase de passe du coffre %1.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase de passe :</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Encore :</translation>
    </message>
    <message>
        <source>Keep the vault's key in this computer's keychain (Secret Service), so that Relais opens the vault without asking.</source>
        <translation>Garder la clé du coffre dans le trousseau de cet ordinateur (Secret Service), pour que Relais ouvre le coffre sans la demander.</translation>
    </message>
    <message>
        <source>&amp;Create Vault</source>
        <translation>&amp;Créer le coffre</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message numerus="yes">
        <source>Too short: at least %n characters.</source>
        <translation>
            <numerusform>Trop courte : au moins %n caractère.</numerusform>
            <numerusform>Trop courte : au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: add words, or mix letters, digits and signs.</source>
        <translation>Faible : ajoutez des mots, ou mélangez lettres, chiffres et signes.</translation>
    </message>
    <message>
        <source>Fair: a few more words would make it strong.</source>
        <translation>Correcte : quelques mots de plus la rendraient forte.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Forte.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases de passe diffèrent.</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase is too short: use at least %n characters.</source>
        <translation>
            <numerusform>La phrase de passe est trop courte : utilisez au moins %n caractère.</numerusform>
            <numerusform>La phrase de passe est trop courte : utilisez au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation>Les deux phrases de passe diffèrent. Tapez deux fois la même.</translation>
    </message>
    <message>
        <source>Type the passphrase of the vault.</source>
        <translation>Tapez la phrase de passe du coffre.</translation>
    </message>
    <message>
        <source>Looking for a key remembered on this computer…</source>
        <translation>Recherche d’une clé mémorisée sur cet ordinateur…</translation>
    </message>
    <message>
        <source>No keychain answered on this computer (no Secret Service such as GNOME Keyring or KWallet is running), so the vault cannot be remembered here. Type the passphrase.</source>
        <translation>Aucun trousseau n’a répondu sur cet ordinateur (aucun Secret Service tel que GNOME Keyring ou KWallet ne tourne), le coffre ne peut donc pas y être mémorisé. Tapez la phrase de passe.</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>Création du coffre…</translation>
    </message>
    <message>
        <source>Unlocking the vault…</source>
        <translation>Déverrouillage du coffre…</translation>
    </message>
    <message>
        <source>The key remembered on this computer no longer opens the vault. Type the passphrase.</source>
        <translation>La clé mémorisée sur cet ordinateur n’ouvre plus le coffre. Tapez la phrase de passe.</translation>
    </message>
    <message>
        <source>Remembering the vault on this computer…</source>
        <translation>Mémorisation du coffre sur cet ordinateur…</translation>
    </message>
    <message>
        <source>The vault is unlocked but could not be remembered on this computer: %1</source>
        <translation>Le coffre est déverrouillé mais n’a pas pu être mémorisé sur cet ordinateur : %1</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuer</translation>
    </message>
</context>
<context>
    <name>relais::VaultEntryModel</name>
    <message>
        <source>SSH private key</source>
        <translation>Clé privée SSH</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>Jeton d’API</translation>
    </message>
    <message>
        <source>TSIG key</source>
        <translation>Clé TSIG</translation>
    </message>
    <message>
        <source>TLS client certificate</source>
        <translation>Certificat client TLS</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Modifié</translation>
    </message>
</context>
<context>
    <name>relaisctl</name>
    <message>
        <source>Unknown command: %1</source>
        <translation>Commande inconnue : %1</translation>
    </message>
    <message>
        <source>
DNS commands:
  dns show --site FILE SERVICE
                     What the server of a service's record answers, and its side.
  dns switch --site FILE SERVICE --to main|backup
                     Point the record to a side (RFC 2136, TSIG key from the vault).
</source>
        <translation>
Commandes DNS :
  dns show --site FICHIER SERVICE
                          Ce que répond le serveur de l’enregistrement d’un service, et son côté.
  dns switch --site FICHIER SERVICE --to main|backup
                          Faire pointer l’enregistrement vers un côté (RFC 2136, clé TSIG du coffre).
</translation>
    </message>
    <message>
        <source>Usage: relaisctl [--lang CODE] COMMAND [ARGUMENTS]

Relais on the command line: the disaster-recovery console for small sites.

Commands:
  site check FILE    Check a site document; list every problem with its path.
  site import-ssh --main ALIAS --backup ALIAS [--ssh-config FILE] SITE
                     Build the site's hosts from ~/.ssh/config; keys go to the vault.
  health --site FILE [--once] [--json] [--watch]
                     Health of each probe, host and the site.
  vault init|list|add|remove [--vault FILE] [--passphrase-file FILE]
                     Manage the encrypted vault of secrets; the passphrase
                     comes from --passphrase-file, RELAIS_VAULT_PASSPHRASE
                     or a prompt. "relaisctl vault --help" for details.
  ssh exec --site FILE [--timeout SECONDS] HOST -- COMMAND...
                     Run a command on main or backup; its exit status is ours.
  ssh trust --site FILE HOST --fingerprint SHA256:...
                     Trust a host's SSH key if it has this fingerprint.
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
        <translation>Utilisation : relaisctl [--lang CODE] COMMANDE [ARGUMENTS]

Relais en ligne de commande : la console de reprise après sinistre pour petits sites.

Commandes :
  site check FICHIER Vérifier un document de site ; lister chaque problème avec son chemin.
  site import-ssh --main ALIAS --backup ALIAS [--ssh-config FICHIER] SITE
                     Construire les hôtes du site depuis ~/.ssh/config ; les clés vont au coffre.
  health --site FICHIER [--once] [--json] [--watch]
                     Santé de chaque sonde, de chaque hôte et du site.
  vault init|list|add|remove [--vault FICHIER] [--passphrase-file FICHIER]
                     Gérer le coffre chiffré des secrets ; la phrase de passe
                     vient de --passphrase-file, de RELAIS_VAULT_PASSPHRASE
                     ou d’une invite. "relaisctl vault --help" pour les détails.
  ssh exec --site FICHIER [--timeout SECONDES] HÔTE -- COMMANDE...
                     Exécuter une commande sur main ou backup ; son code de sortie est le nôtre.
  ssh trust --site FICHIER HÔTE --fingerprint SHA256:...
                     Approuver la clé SSH d’un hôte si elle a cette empreinte.
  lxd list --site FICHIER [--json] [HÔTE]
                     Les conteneurs de main et de backup, avec leurs instantanés.
  lxd replicate --site FICHIER INSTANCE
                     Copier un conteneur vers le backup (incrémental ; le backup
                     garde sa copie jusqu’à ce que la nouvelle soit complète).

Options :
  -h, --help         Afficher cette aide.
  -v, --version      Afficher la version.
  --lang CODE        Utiliser la langue CODE (en ou fr).

Code de sortie : 0 succès, 1 un élément vérifié est en panne, 2 erreur.
</translation>
    </message>
    <message>
        <source>
LXD over HTTPS:
  lxd trust --site FILE HOST --token-file FILE
                     Make a host's LXD trust this console (token from "lxc config
                     trust add"); its certificate is pinned.
</source>
        <translation>
LXD en HTTPS :
  lxd trust --site FICHIER HÔTE --token-file FICHIER
                     Faire approuver cette console par le LXD d’un hôte (jeton
                     obtenu par "lxc config trust add") ; son certificat est épinglé.
</translation>
    </message>
    <message>
        <source>
LXD actions:
  lxd start|stop|restart|snapshot|snapshots|restore|delete-snapshot|
      snapshot-settings --site FILE HOST INSTANCE ...
                     Act on one container; a restore first takes a safety
                     snapshot. "relaisctl lxd --help" for details.
</source>
        <translation>
Actions LXD :
  lxd start|stop|restart|snapshot|snapshots|restore|delete-snapshot|
      snapshot-settings --site FICHIER HÔTE INSTANCE ...
                     Agir sur un conteneur ; une restauration prend d’abord un
                     instantané de sécurité. "relaisctl lxd --help" pour les détails.
</translation>
    </message>
    <message>
        <source>
Drill commands:
  drill plan --site FILE [--mode MODE] [--json]
                     The steps a drill of the site's plan would run.
  drill run --site FILE [--mode MODE] [--yes] [--json]
                     Run a drill now (rehearsal by default; Ctrl-C
                     cancels, the cleanups still run); its end goes to
                     the site's notification channels.
  drill resume|cleanup --site FILE [ID]
                     Resume, or clean up after, a drill left unfinished.
  drill history --site FILE [--limit N] [--json]
                     Past drills with their RTO and RPO.
  drill report --site FILE ID [--html FILE] [--pdf FILE]
                     One drill's report as HTML or PDF.
</source>
        <translation>
Commandes d'exercice :
  drill plan --site FILE [--mode MODE] [--json]
                     Les étapes qu'exécuterait un exercice du plan du site.
  drill run --site FILE [--mode MODE] [--yes] [--json]
                     Lancez un exercice maintenant (répétition par défaut ;
                     Ctrl-C annule, les nettoyages s'exécutent quand même) ;
                     sa fin est envoyée aux canaux de notification du site.
  drill resume|cleanup --site FILE [ID]
                     Reprenez un exercice resté inachevé, ou nettoyez après lui.
  drill history --site FILE [--limit N] [--json]
                     Exercices passés avec leur RTO et leur RPO.
  drill report --site FILE ID [--html FILE] [--pdf FILE]
                     Le rapport d'un exercice en HTML ou PDF.
</translation>
    </message>
    <message>
        <source>
Notifications:
  notify test --site FILE [CHANNEL...]
                     Send a test message to each channel and print its result.
</source>
        <translation>
Notifications :
  notify test --site FILE [CHANNEL...]
                     Envoyez un message de test à chaque canal et affichez
                     son résultat.
</translation>
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
                     Make the job's replication key, confined to rsync on the
                     job's paths (--reverse: the failback key).
</source>
        <translation>
Commandes de synchronisation :
  sync run|dry-run --site FICHIER TÂCHE
                     Exécuter une tâche de synchronisation maintenant (Ctrl-C
                     annule), ou lister ce qu’elle changerait.
  sync status --site FICHIER [--json] TÂCHE
                     Dernières exécutions, prochaine exécution, verrou de sens, RPO par rapport à la cible.
  sync install --site FICHIER [--systemd|--cron] [--remove] TÂCHE
                     Installer la tâche sur son hôte initiateur (timer ou cron).
  sync setup-key --site FICHIER [--reverse] TÂCHE
                     Créer la clé de réplication de la tâche, limitée à rsync sur
                     ses chemins (--reverse : la clé du retour sur main).
</translation>
    </message>
</context>
</TS>