"""A real browser walks Harbour as its users would.

An administrator creates a worker and an accountant; the accountant signs a funder contract;
the worker signs in, registers a client, logs a service under the contract and makes a
referral, then corrects the service's minutes from the timeline; the accountant finds the service in the month's report and follows the figure to the
event; the administrator finds the worker's view of the file in the audit trail.

Usage: walk.py BASE_URL ADMIN_PASSWORD SCREENSHOT_DIR
Exits non-zero (with the step that failed) when anything is not as a user would expect.
"""

import datetime
import os
import sys

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, ADMIN_PASSWORD, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
PASSWORD = "walk-the-harbour-2026"
TODAY = datetime.date.today()
MONTH = TODAY.strftime("%Y-%m")
CONTRACT = "walk-contract"


def browser(width, height):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={width},{height}"):
        options.add_argument(argument)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    service = webdriver.ChromeService(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    return driver


SHOT = [0]


class Walk:
    def __init__(self, driver):
        self.driver = driver

    def go(self, path):
        self.driver.get(BASE + path)

    def fill(self, field_id, text):
        element = self.driver.find_element(By.ID, field_id)
        element.clear()
        element.send_keys(text)

    def choose(self, field_id, value):
        Select(self.driver.find_element(By.ID, field_id)).select_by_value(value)

    def tick(self, name):
        box = self.driver.find_element(By.NAME, name)
        if not box.is_selected():
            box.click()

    def submit(self, form_action):
        form = self.driver.find_element(By.CSS_SELECTOR, f'form[action="{form_action}"]')
        self.click(form.find_element(By.CSS_SELECTOR, 'button[type="submit"]'))

    def click(self, element):
        """Clicks, then waits until the next page has replaced this one and finished loading."""
        self.driver.execute_script("window.harbourPreviousPage = true;")
        element.click()
        WebDriverWait(self.driver, 30).until(
            lambda driver: driver.execute_script("return window.harbourPreviousPage === undefined && document.readyState === 'complete';"))

    def expect(self, text, step):
        body = self.driver.find_element(By.TAG_NAME, "body").text
        if text not in body:
            self.screenshot(f"FAILED-{step}")
            raise SystemExit(f"walk: {step}: expected {text!r} on {self.driver.current_url}; the page says:\n{body[:2000]}")

    def screenshot(self, name):
        SHOT[0] += 1
        path = os.path.join(SHOTS, f"{SHOT[0]:02d}-{name}.png")
        height = self.driver.execute_script("return document.body.scrollHeight")
        width = self.driver.get_window_size()["width"]
        self.driver.set_window_size(width, max(600, min(height + 120, 4000)))
        self.driver.save_screenshot(path)
        print(f"walk: screenshot {path}")

    def sign_in(self, username, password):
        self.driver.delete_all_cookies()
        self.go("/login")
        self.fill("username", username)
        self.fill("password", password)
        self.submit("/login")
        self.expect("Signed in as", f"sign in as {username}")

    def sign_out(self):
        self.click(self.driver.find_element(By.CSS_SELECTOR, 'form[action="/logout"] button'))
        self.expect("Sign in", "sign out")


def create_user(walk, username, name, role):
    walk.go("/admin/users")
    walk.fill("username", username)
    walk.fill("displayName", name)
    walk.tick(f"role-{role}")
    walk.fill("password", PASSWORD)
    walk.submit("/admin/users")
    walk.expect(name, f"create {username}")


def main():
    os.makedirs(SHOTS, exist_ok=True)
    desktop = Walk(browser(1280, 900))
    try:
        # The administrator creates the staff.
        desktop.sign_in("admin", ADMIN_PASSWORD)
        desktop.screenshot("admin-home")
        create_user(desktop, "amina", "Amina Haddad", "worker")
        create_user(desktop, "omar", "Omar Farouk", "accountant")
        desktop.expect("accountant", "roles listed")
        desktop.screenshot("admin-users")
        desktop.sign_out()

        # The accountant signs the funder contract the services will count against.
        desktop.sign_in("omar", PASSWORD)
        desktop.go("/reports")
        desktop.fill("contractId", CONTRACT)
        desktop.fill("funder", "IRCC")
        desktop.fill("program", "Settlement Program")
        desktop.fill("agreementNumber", "WALK-1")
        desktop.driver.execute_script(
            "document.getElementById('startsOn').value = arguments[0]; document.getElementById('endsOn').value = arguments[1];",
            f"{TODAY.year - 1}-04-01", f"{TODAY.year + 2}-03-31")
        desktop.tick("fund-informationAndOrientation")
        desktop.tick("fund-needsAssessmentAndReferral")
        desktop.submit("/reports/contracts")
        desktop.expect(CONTRACT, "contract signed")
        desktop.sign_out()
    finally:
        desktop.driver.quit()

    # The worker, on a phone.
    phone = Walk(browser(412, 915))
    try:
        phone.sign_in("amina", PASSWORD)
        phone.expect("My caseload", "worker home is the caseload")
        phone.screenshot("worker-caseload-phone")
        phone.go("/clients/new")
        phone.fill("givenNames", "Leila")
        phone.fill("familyName", "Nasser")
        phone.driver.execute_script("document.getElementById('dateOfBirth').value = '1990-05-17';")
        phone.choose("gender", "female")
        phone.choose("immigrationCategory", "refugeeGovernmentAssisted")
        phone.fill("languagesSpoken", "ar, en")
        phone.fill("countryOfBirth", "SY")
        phone.tick("privacyStatement")
        phone.tick("shareWithFunder")
        phone.screenshot("worker-intake-phone")
        phone.submit("/clients/new")
        phone.expect("Leila Nasser", "client registered")
        client_path = phone.driver.current_url[len(BASE):]
        client_id = client_path.split("/")[-1]
        phone.submit(f"/clients/{client_id}/case")
        phone.expect("Case: open", "case opened")

        phone.choose("component", "informationAndOrientation")
        phone.fill("minutes", "45")
        phone.choose("mode", "inPerson")
        phone.fill("language", "ar")
        phone.choose("outcome", "completed")
        phone.choose("contractId", CONTRACT)
        phone.submit(f"/clients/{client_id}/services")
        phone.expect("Service delivered", "service logged")

        phone.fill("programName", "Job club")
        phone.choose("needDomain", "employment")
        phone.submit(f"/clients/{client_id}/referrals")
        phone.expect("Referral made", "referral made")
        phone.expect("Move a referral", "referral can be moved")
        phone.screenshot("worker-client-file-phone")

        # The worker mistyped the minutes: corrects the service from the timeline, with a reason.
        phone.click(phone.driver.find_element(By.CSS_SELECTOR, 'a[aria-label^="Correct or void: Service delivered"]'))
        phone.expect("Correct it", "correction page shown")
        phone.fill("field-minutes", "40")
        phone.fill("reason", "Minutes mistyped")
        phone.screenshot("worker-correction-phone")
        form = phone.driver.find_element(By.CSS_SELECTOR, 'form[action$="/correct"]')
        phone.click(form.find_element(By.CSS_SELECTOR, 'button[type="submit"]'))
        phone.expect("Minutes mistyped", "the correction is shown beside the service")
        phone.expect("by Amina Haddad", "the timeline names who did each thing")
        phone.expect("Who opened this file", "the openings are counted apart from the casework")
        phone.screenshot("worker-client-file-corrected-phone")
        phone.go("/")
        phone.expect("1 open cases", "the client is on the caseload")
        phone.screenshot("worker-caseload-after-phone")
        phone.sign_out()
    finally:
        phone.driver.quit()

    desktop = Walk(browser(1280, 900))
    try:
        # The accountant finds the service in this month's report and follows the figure.
        desktop.sign_in("omar", PASSWORD)
        desktop.go(f"/reports?contract={CONTRACT}&month={MONTH}")
        desktop.expect(f"{CONTRACT}:", "report shown")
        link = desktop.driver.find_element(By.CSS_SELECTOR, 'a[data-cell="services"]')
        if link.text != "1":
            raise SystemExit(f"walk: the report counts {link.text} services, expected 1")
        desktop.screenshot("accountant-report")
        desktop.click(link)
        desktop.expect("Service delivered", "figure explained")
        desktop.expect(f"client-{client_id}", "figure names the client's record")
        desktop.screenshot("accountant-explain")
        desktop.click(desktop.driver.find_element(By.CSS_SELECTOR, 'a[href^="/events/"]'))
        desktop.expect("informationAndOrientation", "event shown")
        desktop.screenshot("accountant-event")
        desktop.sign_out()

        # The administrator sees the worker's view of the file in the audit trail.
        desktop.sign_in("admin", ADMIN_PASSWORD)
        desktop.go("/admin/audit")
        desktop.fill("clientId", client_id)
        desktop.choose("eventType", "ClientFileViewed")
        desktop.submit("/admin/audit")
        desktop.expect("Client file viewed", "file view in the audit trail")
        desktop.expect("Amina Haddad", "the viewer is named")
        desktop.expect("u-amina", "with the user id the search takes")
        desktop.screenshot("admin-audit")
        desktop.go("/partners")
        desktop.fill("name", "Maison d'accueil")
        desktop.choose("funding", "hybrid")
        desktop.tick("francophone")
        desktop.tick("offers-housing")
        desktop.submit("/partners")
        desktop.expect("Maison d'accueil", "partner agency added")
        desktop.screenshot("admin-partners")
        desktop.go("/admin/verification")
        desktop.submit("/admin/verification")
        desktop.screenshot("admin-verification")
    finally:
        desktop.driver.quit()
    print("walk: every step as expected")


if __name__ == "__main__":
    main()
