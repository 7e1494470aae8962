import { startStaticServer } from './serve.js';
import { launchBrowser } from '../tests/browser/browser';
const { server, url } = await startStaticServer({ dir: 'build' });
const browser = await launchBrowser();
const context = await browser.newContext();
const page = await context.newPage();
page.on('pageerror', (e: any) => console.log('pageerror', e.message.slice(0, 300)));
await page.goto(url + 'data/');
await page.getByTestId('file-input').setInputFiles('tests/fixtures/import/decl-gbk.csv');
await page.waitForSelector('[data-testid=data-source][data-source=user][data-phase=ready]', { timeout: 60_000 });
console.log('imported');
await page.evaluate(() => new Promise<void>((resolve, reject) => {
  const open = indexedDB.open('keyval-store');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const store = open.result.transaction('keyval', 'readwrite').objectStore('keyval');
    const key = 'imau-smart-factory/dataset-v1';
    store.get(key).onsuccess = (event) => {
      const value = (event.target as IDBRequest).result;
      console.log(JSON.stringify(value).slice(0,200));
      value.files[0].text = value.files[0].text.replace('2025', '2026');
      store.put(value, key).onsuccess = () => resolve();
    };
  };
}));
console.log('damaged');
await page.goto(url);
await page.waitForTimeout(5000);
console.log(await page.getByTestId('figures-source').textContent());
await browser.close(); server.close();
