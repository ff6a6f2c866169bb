// Run by the mongo image's entrypoint once, on the first start of an empty data volume, after it created the root
// user (MONGO_INITDB_ROOT_*). Creates the user the services connect as: it may read and write the samenspel
// database and nothing else, so a leaked service password cannot reach the users of MongoDB or another database.
const username = process.env.SAMENSPEL_MONGO_USERNAME;
const password = process.env.SAMENSPEL_MONGO_PASSWORD;
if (!username || !password) {
  throw new Error('SAMENSPEL_MONGO_USERNAME and SAMENSPEL_MONGO_PASSWORD must be set');
}
db.getSiblingDB('admin').createUser({
  user: username,
  pwd: password,
  roles: [{ role: 'readWrite', db: 'samenspel' }],
});
print(`created the MongoDB user ${username} (readWrite on samenspel)`);
